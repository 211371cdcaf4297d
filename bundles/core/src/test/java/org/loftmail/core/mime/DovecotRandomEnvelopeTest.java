package org.loftmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.core.testing.DovecotOracle;

/**
 * ENVELOPE of 400 messages whose address, subject and id headers are random token soup
 * (quotes, angle brackets, groups, comments, routes, folding, 8-bit, stray specials): the
 * address parser must recover exactly as Dovecot's does (three known exceptions, listed).
 */
class DovecotRandomEnvelopeTest {
    private static final int COUNT = 400;
    private static final String[] TOKENS = {"a", "bob", "x.y", "@", "@", "<", ">", "\"", "\"q u\"", ",", ",",
        ":", ";", "(", ")", "(c)", " ", " ", "  ", "\r\n ", ".", "[1.2.3.4]", "\\", "=?utf-8?q?J=C3=B6?=",
        "\u00e9", "\t", "example.org", "@r1,@r2:", "group:", "Name"};
    /**
     * Messages where we do not yet match Dovecot 2.3.19: an unterminated quoted-string or
     * comment inside an address (Dovecot drops the partial display name; we keep it).
     */
    private static final Set<Integer> KNOWN_DIFFERENCES = Set.of(104, 139, 148);
    private static final List<byte[]> MESSAGES = new ArrayList<>();
    private static List<String> answers;
    private static DovecotOracle dovecot;

    static List<Integer> indexes() {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            list.add(i);
        }
        return list;
    }

    private static String soup(Random r) {
        StringBuilder s = new StringBuilder();
        for (int n = 1 + r.nextInt(12); n > 0; n--) {
            s.append(TOKENS[r.nextInt(TOKENS.length)]);
        }
        return s.toString();
    }

    @BeforeAll
    static void askDovecot() throws IOException {
        Random r = new Random(2822);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder m = new StringBuilder();
            for (String h : List.of("From", "To", "Cc", "Bcc", "Reply-To", "Sender", "Subject", "Date",
                    "Message-ID", "In-Reply-To")) {
                if (r.nextInt(3) > 0) {
                    m.append(h).append(": ").append(soup(r)).append("\r\n");
                }
            }
            m.append("\r\nbody\r\n");
            MESSAGES.add(m.toString().getBytes(StandardCharsets.UTF_8));
        }
        dovecot = new DovecotOracle();
        dovecot.append(MESSAGES);
        answers = dovecot.fetchEach("imap.envelope");
        assertEquals(COUNT, answers.size());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @ParameterizedTest(name = "message {0}")
    @MethodSource("indexes")
    void sameAsDovecot(int i) throws IOException {
        MessageStructure ours = MessageStructure.parse(new ByteArrayInputStream(MESSAGES.get(i)));
        if (KNOWN_DIFFERENCES.contains(i)) {
            // kept visible: if this starts to match, take it off the list
            assertNotEquals(answers.get(i), ours.envelope(), "now matches Dovecot: remove from KNOWN_DIFFERENCES");
            return;
        }
        assertEquals(answers.get(i), ours.envelope(),
                () -> "message: " + new String(MESSAGES.get(i), StandardCharsets.ISO_8859_1));
    }
}
