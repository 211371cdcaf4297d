package org.loftmail.core.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.core.testing.DovecotOracle;

/**
 * ENVELOPE, BODY and BODYSTRUCTURE of 500 generated messages (fixed seeds; nested multiparts,
 * digests, message/rfc822, missing Content-Type, unclosed multiparts, LF and CRLF) equal
 * Dovecot's.
 */
class DovecotRandomMessagesTest {
    private static final int COUNT = 500;
    private static final List<byte[]> MESSAGES = new ArrayList<>();
    private static final List<List<String>> ANSWERS = new ArrayList<>();
    private static DovecotOracle dovecot;

    static List<Integer> indexes() {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            list.add(i);
        }
        return list;
    }

    @BeforeAll
    static void askDovecot() throws IOException {
        for (int i = 0; i < COUNT; i++) {
            MESSAGES.add(new RandomMessages(1000 + i, i % 5 != 0).message());
        }
        dovecot = new DovecotOracle();
        dovecot.append(MESSAGES);
        for (String field : List.of("imap.envelope", "imap.body", "imap.bodystructure")) {
            List<String> values = dovecot.fetchEach(field);
            assertEquals(COUNT, values.size(), field);
            ANSWERS.add(values);
        }
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
        assertEquals(ANSWERS.get(0).get(i), ours.envelope(), "ENVELOPE");
        assertEquals(ANSWERS.get(1).get(i), ours.body(), "BODY");
        assertEquals(ANSWERS.get(2).get(i), ours.bodyStructure(), "BODYSTRUCTURE");
    }
}
