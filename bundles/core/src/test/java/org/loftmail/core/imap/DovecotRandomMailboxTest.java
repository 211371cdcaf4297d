package org.loftmail.core.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loftmail.core.testing.DovecotOracle;

/**
 * THREAD and SORT on a generated mailbox (fixed seed, so every run sees the same 200
 * messages): random subjects with reply markers and blobs, missing and duplicate Message-IDs,
 * References to earlier, later and missing messages, colliding dates, addresses with display
 * names, encoded words and groups. Results must equal Dovecot's.
 */
class DovecotRandomMailboxTest {
    private static final int COUNT = 200;
    private static final String[] SUBJECTS = {"Plan", "plan", "Lunch", "=?utf-8?q?Caf=C3=A9?=", "Café",
        "Émile", "Status report", "", "Zebra", "apple"};
    private static final String[] PREFIXES = {"", "", "", "Re: ", "RE: Re: ", "Fwd: ", "[list] ",
        "[list] Re: ", "Re[2]: ", "  "};
    private static final String[] ADDRESSES = {"amy@x", "Bob <bob@x>", "\"Zed, Z\" <zed@x>",
        "=?utf-8?q?=C3=89mile?= <emile@x>", "team: carl@x, dana@x;", "undisclosed-recipients:;",
        "eve@example.org (Eve)", "<noname@x>", "Fay <FAY@x>", "alice@x"};
    private static final List<String> SORTS = List.of("SUBJECT", "REVERSE SUBJECT", "FROM", "TO", "CC",
            "DATE", "REVERSE DATE", "SIZE", "DISPLAYFROM", "DISPLAYTO", "FROM DATE", "REVERSE TO SIZE",
            "SUBJECT REVERSE DISPLAYFROM");

    private static DovecotOracle dovecot;
    private static final List<ThreadMessage> THREAD_INPUT = new ArrayList<>();
    private static final List<SortableMessage> SORT_INPUT = new ArrayList<>();

    @BeforeAll
    static void fillMailbox() throws IOException {
        Random r = new Random(5256);
        List<byte[]> messages = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String subject = PREFIXES[r.nextInt(PREFIXES.length)] + SUBJECTS[r.nextInt(SUBJECTS.length)]
                    + (r.nextInt(10) == 0 ? " (fwd)" : "");
            if (r.nextInt(15) == 0) {
                subject = "[fwd: " + subject + "]";
            }
            int p = r.nextInt(20);
            String id = p == 0 ? null : p == 1 && !ids.isEmpty() ? pick(r, ids) : "<m" + i + "@x>";
            ids.add(id == null ? "<m" + i + "@x>" : id);
            String refs = null;
            if (r.nextInt(10) < 6) {
                StringBuilder b = new StringBuilder();
                for (int k = r.nextInt(3); k >= 0; k--) {
                    b.append(b.isEmpty() ? "" : " ").append("<m").append(r.nextInt(COUNT + 20)).append("@x>");
                }
                refs = b.toString();
            }
            String inReplyTo = r.nextInt(5) == 0 ? "<m" + r.nextInt(COUNT) + "@x>" : null;
            long sent = 1_704_067_200L + 3600L * r.nextInt(60);
            String from = pick(r, ADDRESSES);
            String to = pick(r, ADDRESSES);
            String cc = r.nextBoolean() ? pick(r, ADDRESSES) : null;
            StringBuilder text = new StringBuilder();
            text.append("Date: ").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(java.time.Instant.ofEpochSecond(sent).atZone(java.time.ZoneOffset.UTC))).append("\r\n");
            header(text, "Subject", subject);
            header(text, "Message-ID", id);
            header(text, "In-Reply-To", inReplyTo);
            header(text, "References", refs);
            header(text, "From", from);
            header(text, "To", to);
            header(text, "Cc", cc);
            text.append("\r\n").append("body line\r\n".repeat(r.nextInt(5)));
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            messages.add(bytes);
            THREAD_INPUT.add(new ThreadMessage(i + 1, sent, subject, id, inReplyTo, refs));
            SORT_INPUT.add(new SortableMessage(i + 1, 0, sent, bytes.length, subject, from, to, cc));
        }
        dovecot = new DovecotOracle();
        dovecot.append(messages);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String pick(Random r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static void header(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(name).append(": ").append(value).append("\r\n");
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void threadReferences() throws IOException {
        assertEquals(dovecot.imap("THREAD", List.of("THREAD REFERENCES UTF-8 ALL")).get(0),
                Threader.references(THREAD_INPUT));
    }

    @Test
    void threadOrderedSubject() throws IOException {
        assertEquals(dovecot.imap("THREAD", List.of("THREAD ORDEREDSUBJECT UTF-8 ALL")).get(0),
                Threader.orderedSubject(THREAD_INPUT));
    }

    @Test
    void sort() throws IOException {
        List<String> expected = dovecot.imap("SORT", SORTS.stream().map(s -> "SORT (" + s + ") UTF-8 ALL").toList());
        for (int i = 0; i < SORTS.size(); i++) {
            String ours = Sorter.sort(SORT_INPUT, criteria(SORTS.get(i))).stream()
                    .map(String::valueOf).collect(Collectors.joining(" "));
            assertEquals(expected.get(i), ours, "SORT (" + SORTS.get(i) + ")");
        }
    }

    private static List<SortCriterion> criteria(String spec) {
        List<SortCriterion> list = new ArrayList<>();
        boolean reverse = false;
        for (String word : spec.split(" ")) {
            if (word.equals("REVERSE")) {
                reverse = true;
            } else {
                list.add(new SortCriterion(SortKey.valueOf(word), reverse));
                reverse = false;
            }
        }
        return list;
    }
}
