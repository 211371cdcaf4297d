package org.loftmail.imap.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.imap.impl.search.Keys.*;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.StorageException;
import org.loftmail.imap.impl.request.SearchKey;

/**
 * Header, date and body keys over the messages in {@code src/test/resources/search/} (message n is
 * file {@code 0n-*.eml}). The expected answers are what Dovecot 2.3.19 answers for the same
 * messages appended to an empty INBOX, except where a test says otherwise.
 */
class SearchContentTest {

    static final String[] FILES = {"01-plain.eml", "02-qp-latin1.eml", "03-base64-latin1.eml", "04-multipart.eml",
        "05-rfc822.eml", "06-folded.eml"};

    static final List<byte[]> MESSAGES = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        MESSAGES.clear();
        for (String f : FILES) {
            try (InputStream in = SearchContentTest.class.getResourceAsStream("/search/" + f)) {
                MESSAGES.add(in.readAllBytes());
            }
        }
    }

    static List<Integer> search(SearchKey key) throws StorageException {
        if (MESSAGES.isEmpty()) {
            try {
                load();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        SearchEvaluator e = SearchEvaluator.compile(key, "UTF-8", new SearchScope(MESSAGES.size(), MESSAGES.size(), null));
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < MESSAGES.size(); i++) {
            byte[] bytes = MESSAGES.get(i);
            TestMessage m = new TestMessage(i + 1, TestMessage.meta(i + 1, Flags.NONE, 1,
                    Instant.parse("2024-02-05T12:00:00Z"), bytes.length), false, bytes);
            if (e.matches(m)) {
                hits.add(i + 1);
            }
            assertTrue(m.contentCalls <= (e.needsContent() ? 1 : 0), "content() asked for at most once, only when needed");
            BytesContent c = m.bytesContent();
            assertTrue(c.opens <= 1 && c.headerReads <= 1, "each read at most once");
        }
        return hits;
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                // SUBJECT, RFC 2047 B and Q encoded words, i;unicode-casemap
                Arguments.of("SUBJECT \"grüße\" (=?UTF-8?B?...?=)", header("SUBJECT", "grüße"), List.of(1)),
                Arguments.of("SUBJECT \"GRÜẞE\" (capital sharp s is no simple case pair of ß)",
                        header("SUBJECT", "GRÜẞE"), List.of()),
                Arguments.of("SUBJECT \"GRÜSSE\" (no full case mapping, like Dovecot)", header("SUBJECT", "GRÜSSE"),
                        List.of()),
                Arguments.of("SUBJECT \"ärger\" (=?ISO-8859-1?Q?...?=)", header("SUBJECT", "ärger"), List.of(2)),
                Arguments.of("SUBJECT \"ÄRGER IM BÜRO\"", header("SUBJECT", "ÄRGER IM BÜRO"), List.of(2)),
                Arguments.of("SUBJECT \"Gru\" (decomposed: ü is u + diaeresis)", header("SUBJECT", "Gru"), List.of(1)),
                Arguments.of("SUBJECT \"folded subject\" (unfolded, tab to space)", header("SUBJECT", "folded subject"),
                        List.of(6)),
                Arguments.of("SUBJECT \"a folded subject\"", header("SUBJECT", "a folded subject"), List.of(6)),
                Arguments.of("SUBJECT \"folded  subject\"", header("SUBJECT", "folded  subject"), List.of()),
                Arguments.of("SUBJECT \"folded\\tsubject\"", header("SUBJECT", "folded\tsubject"), List.of()),
                Arguments.of("SUBJECT \"\" (field exists)", header("SUBJECT", ""), List.of(1, 2, 3, 4, 5, 6)),
                // address fields
                Arguments.of("FROM \"Doe, John\"", header("FROM", "Doe, John"), List.of(1)),
                Arguments.of("FROM \"\\\"Doe\"", header("FROM", "\"Doe"), List.of(1)),
                Arguments.of("FROM \"\\\"Doe, John\\\" <john.doe@\" (rewritten like Dovecot)",
                        header("FROM", "\"Doe, John\" <john.doe@"), List.of(1)),
                Arguments.of("TO \"\\\"Alice Example\\\" <alice@example.org>, <bob@example.net>\"",
                        header("TO", "\"Alice Example\" <alice@example.org>, <bob@example.net>"), List.of(1)),
                Arguments.of("TO \"<alice@example.org>, <bob@example.net>\"",
                        header("TO", "<alice@example.org>, <bob@example.net>"), List.of(1)),
                Arguments.of("FROM \"<dave@example.com>\"", header("FROM", "<dave@example.com>"), List.of(3)),
                Arguments.of("CC \"jürgen müller <jm@\" (decoded after rewriting)", header("CC", "jürgen müller <jm@"),
                        List.of(1)),
                Arguments.of("FROM JOHN.DOE@EXAMPLE.COM", header("FROM", "JOHN.DOE@EXAMPLE.COM"), List.of(1)),
                Arguments.of("FROM eve", header("FROM", "eve"), List.of(4, 5)),
                Arguments.of("TO \"Alice Example\"", header("TO", "Alice Example"), List.of(1)),
                Arguments.of("TO alice@example.org", header("TO", "alice@example.org"), List.of(1, 2, 3, 4, 5, 6)),
                Arguments.of("TO bob", header("TO", "bob"), List.of(1)),
                Arguments.of("CC \"jürgen müller\" (encoded word)", header("CC", "jürgen müller"), List.of(1)),
                Arguments.of("CC \"JÜRGEN\"", header("CC", "JÜRGEN"), List.of(1)),
                Arguments.of("BCC hidden", header("BCC", "hidden"), List.of(1)),
                Arguments.of("BCC \"\"", header("BCC", ""), List.of(1)),
                // HEADER
                Arguments.of("HEADER X-Tag second (every occurrence)", header("X-TAG", "second"), List.of(6)),
                Arguments.of("HEADER X-Tag first", header("X-TAG", "FIRST"), List.of(6)),
                Arguments.of("HEADER X-Tag \"\"", header("X-TAG", ""), List.of(6)),
                Arguments.of("HEADER X-Empty \"\" (empty field exists)", header("X-EMPTY", ""), List.of(6)),
                Arguments.of("HEADER X-Missing \"\"", header("X-MISSING", ""), List.of()),
                Arguments.of("HEADER X-Raw \"straße\" (8-bit UTF-8)", header("X-RAW", "STRAßE"), List.of(6)),
                Arguments.of("HEADER Message-ID <1@", header("MESSAGE-ID", "<1@"), List.of(1)),
                Arguments.of("HEADER Content-Type pdf (only the message header)", header("CONTENT-TYPE", "pdf"),
                        List.of()),
                Arguments.of("HEADER Content-Transfer-Encoding base64", header("CONTENT-TRANSFER-ENCODING", "base64"),
                        List.of(3)),
                // SENT*: the date as written, in the header's own zone; no or bad Date: is 1-Jan-1970
                Arguments.of("SENTON 1-Jan-2022 (+1400: 31-Dec-2021 UTC)", sentOn("2022-01-01"), List.of(1)),
                Arguments.of("SENTON 31-Dec-2021 (-1200: 1-Jan-2022 UTC)", sentOn("2021-12-31"), List.of(2)),
                Arguments.of("SENTBEFORE 1-Jan-2022", sentBefore("2022-01-01"), List.of(2, 3, 6)),
                Arguments.of("SENTSINCE 1-Jan-2022", sentSince("2022-01-01"), List.of(1, 4, 5)),
                Arguments.of("SENTSINCE 31-Dec-2021", sentSince("2021-12-31"), List.of(1, 2, 4, 5)),
                Arguments.of("SENTBEFORE 31-Dec-2021", sentBefore("2021-12-31"), List.of(3, 6)),
                Arguments.of("SENTON 1-Jan-1970", sentOn("1970-01-01"), List.of(3, 6)),
                Arguments.of("SENTBEFORE 1-Jan-1971", sentBefore("1971-01-01"), List.of(3, 6)),
                Arguments.of("SENTSINCE 1-Jan-1970", sentSince("1970-01-01"), List.of(1, 2, 3, 4, 5, 6)),
                Arguments.of("SENTON 15-Jan-2024", sentOn("2024-01-15"), List.of(4)),
                Arguments.of("SENTSINCE 3-Jan-2024 SENTBEFORE 15-Jan-2024",
                        and(sentSince("2024-01-03"), sentBefore("2024-01-15")), List.of(5)),
                // BODY: decoded text/* and message/* bodies
                Arguments.of("BODY \"ärger\" (8bit UTF-8 and base64 ISO-8859-1)", body("ärger"), List.of(1, 3)),
                Arguments.of("BODY \"ÄRGER ÜBER\"", body("ÄRGER ÜBER"), List.of(3)),
                Arguments.of("BODY \"straße\" (base64 ISO-8859-1)", body("straße"), List.of(3)),
                Arguments.of("BODY \"grüße aus köln\" (quoted-printable ISO-8859-1)", body("grüße aus köln"),
                        List.of(2)),
                Arguments.of("BODY umbrochenen (QP soft line break)", body("umbrochenen"), List.of(2)),
                Arguments.of("BODY \"¤\" (ISO-8859-1 0xA4)", body("¤"), List.of(2)),
                Arguments.of("BODY \"€\"", body("€"), List.of()),
                Arguments.of("BODY u", body("u"), List.of(1, 2, 3, 5)),
                Arguments.of("BODY Gru", body("Gru"), List.of(1, 2)),
                Arguments.of("BODY \"Alice,\"", body("Alice,"), List.of(1)),
                Arguments.of("BODY \"Hello Alice, the\" (line break in between)", body("Hello Alice, the"), List.of()),
                Arguments.of("BODY \"report attached\" (text part of multipart/mixed)", body("report attached"),
                        List.of(4)),
                Arguments.of("BODY secret-attachment (application/pdf is not searched)", body("secret-attachment"),
                        List.of()),
                Arguments.of("BODY \"multi-part message\" (preamble)", body("multi-part message"), List.of()),
                Arguments.of("BODY epilogue", body("epilogue"), List.of()),
                Arguments.of("BODY report.pdf (MIME header)", body("report.pdf"), List.of()),
                Arguments.of("BODY content-type", body("content-type"), List.of()),
                Arguments.of("BODY \"nested body text with ümlaut\" (message/rfc822, QP UTF-8)",
                        body("nested body text with ümlaut"), List.of(5)),
                Arguments.of("BODY \"inner subject\" (header of the attached message)", body("inner subject"),
                        List.of()),
                Arguments.of("BODY \"forwarded message\"", body("forwarded message"), List.of(5)),
                Arguments.of("BODY \"\"", body(""), List.of(1, 2, 3, 4, 5, 6)),
                Arguments.of("BODY quarterly (subject)", body("quarterly"), List.of()),
                // TEXT: headers ("Name: value") of message and parts, and body
                Arguments.of("TEXT quarterly", text("quarterly"), List.of(4)),
                Arguments.of("TEXT \"subject: quarterly\"", text("subject: quarterly"), List.of(4)),
                Arguments.of("TEXT \"from: carol\"", text("from: carol"), List.of(2)),
                Arguments.of("TEXT \"from:carol\"", text("from:carol"), List.of()),
                Arguments.of("TEXT report.pdf (MIME header of an attachment)", text("report.pdf"), List.of(4)),
                Arguments.of("TEXT \"content-type: application/pdf\"", text("content-type: application/pdf"),
                        List.of(4)),
                Arguments.of("TEXT \"inner subject\" (attached message header)", text("inner subject"), List.of(5)),
                Arguments.of("TEXT \"ärger\" (header or body)", text("ärger"), List.of(1, 2, 3)),
                Arguments.of("TEXT secret-attachment", text("secret-attachment"), List.of()),
                Arguments.of("TEXT \"\"", text(""), List.of(1, 2, 3, 4, 5, 6)),
                Arguments.of("TEXT \"grüße aus\" (decoded subject or body)", text("grüße aus"), List.of(1, 2)),
                Arguments.of("TEXT \"=?UTF-8?B\" (encoded words are decoded)", text("=?UTF-8?B"), List.of()),
                Arguments.of("TEXT \"subject: grüße\"", text("subject: grüße"), List.of(1)),
                Arguments.of("TEXT \"x-empty:\"", text("x-empty:"), List.of(6)),
                Arguments.of("TEXT \"subject: a folded subject\"", text("subject: a folded subject"), List.of(6)),
                // combinations
                Arguments.of("OR SUBJECT quarterly BODY nested", or(header("SUBJECT", "quarterly"), body("nested")),
                        List.of(4, 5)),
                Arguments.of("NOT BODY ärger", not(body("ärger")), List.of(2, 4, 5, 6)),
                Arguments.of("BODY ärger NOT SUBJECT grüße", and(body("ärger"), not(header("SUBJECT", "grüße"))),
                        List.of(3)),
                Arguments.of("OR (FROM eve BODY report) NOT OR TEXT alice SENTON 1-Jan-1970",
                        or(and(header("FROM", "eve"), body("report")),
                                not(or(text("alice"), sentOn("1970-01-01")))), List.of(4)),
                Arguments.of("TEXT alice BODY alice TEXT doe BODY straße", and(text("alice"), body("alice"),
                        text("doe"), body("straße")), List.of()),
                Arguments.of("TEXT alice NOT BODY alice", and(text("alice"), not(body("alice"))),
                        List.of(2, 3, 4, 5, 6)),
                Arguments.of("1:3 TEXT ärger UNSEEN", and(seq("1:3"), text("ärger"), unflag("\\Seen")),
                        List.of(1, 2, 3)),
                Arguments.of("NOT 2:3 SENTBEFORE 1-Jan-2022", and(not(seq("2:3")), sentBefore("2022-01-01")),
                        List.of(6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void matches(String query, SearchKey key, List<Integer> expected) throws StorageException {
        assertEquals(expected, search(key), query);
    }

    /** Transfer encodings apply without MIME-Version, and without Content-Type (text/plain). */
    @org.junit.jupiter.api.Test
    void encodingsWithoutMimeVersion() throws StorageException {
        byte[] b64 = TestMessage.crlf("""
                Subject: nomime
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                aGlkZGVuIHdvcmRz
                """).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] qp = TestMessage.crlf("""
                Subject: no content type
                Content-Transfer-Encoding: quoted-printable

                soft=
                break
                """).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        SearchScope scope = new SearchScope(1, 1, null);
        for (byte[] m : List.of(b64, qp)) {
            TestMessage c = new TestMessage(1, TestMessage.meta(1, Flags.NONE, 1, Instant.EPOCH, m.length), false, m);
            boolean expected = m == b64;
            assertEquals(expected, SearchEvaluator.compile(body("hidden words"), null, scope).matches(c));
            assertEquals(!expected, SearchEvaluator.compile(body("softbreak"), null, scope).matches(c));
        }
    }

    /**
     * Not like Dovecot, which replaces octets that are not UTF-8 and so never finds "straße" in
     * an ISO-8859-1 header: Loft reads such a header as ISO-8859-1.
     */
    @org.junit.jupiter.api.Test
    void rawLatin1HeaderIsReadAsLatin1() throws StorageException {
        assertEquals(List.of(6), search(header("X-LATIN", "straße")));
        assertEquals(List.of(6), search(text("x-latin: straße latin")));
    }
}
