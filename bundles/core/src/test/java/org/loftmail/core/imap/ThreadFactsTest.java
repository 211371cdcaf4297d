package org.loftmail.core.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadFactsTest {

    @Test
    void referencesWinOverInReplyToAndIdsLoseTheirBrackets() {
        ThreadFacts f = ThreadFacts.of("Re: Fwd: [list] Hello   world (fwd)", "<me@x> <ignored@x>", "<parent@x>",
                "<root@x> <mid@x>");
        assertEquals("me@x", f.messageId());
        assertEquals(List.of("root@x", "mid@x"), f.references());
        assertEquals("HELLO WORLD", f.subjectKey());
        assertEquals(true, f.replyOrForward());
    }

    @Test
    void withoutReferencesTheFirstInReplyToIdIsTheParent() {
        ThreadFacts f = ThreadFacts.of("=?utf-8?q?caf=C3=A9?=", null, "<p@x> <q@x>", null);
        assertEquals(null, f.messageId());
        assertEquals(List.of("p@x"), f.references());
        assertEquals("CAFE\u0301", f.subjectKey(), "titlecased, NFKD");
        assertEquals(false, f.replyOrForward());
    }
}
