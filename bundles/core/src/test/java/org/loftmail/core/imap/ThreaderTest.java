package org.loftmail.core.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreaderTest {

    private static ThreadMessage msg(long id, long date, String subject, String messageId, String inReplyTo,
            String references) {
        return new ThreadMessage(id, date, subject, messageId, inReplyTo, references);
    }

    @Test
    void orderedSubjectGroupsByBaseSubjectAndOrdersThreadsByFirstDate() {
        List<ThreadMessage> box = List.of(
                msg(1, 10, "Hello", null, null, null),
                msg(2, 20, "Re: Hello", null, null, null),
                msg(3, 5, "Other", null, null, null),
                msg(4, 30, "RE: [list] hello", null, null, null),
                msg(5, 40, "Another", null, null, null));
        assertEquals("(3)(1 (2)(4))(5)", Threader.orderedSubject(box));
    }

    @Test
    void orderedSubjectWithOneReplyIsAChain() {
        List<ThreadMessage> box = List.of(
                msg(1, 1, "A", null, null, null),
                msg(2, 2, "Re: A", null, null, null));
        assertEquals("(1 2)", Threader.orderedSubject(box));
    }

    @Test
    void referencesBuildsTreesDummiesAndSubjectGroups() {
        List<ThreadMessage> box = List.of(
                msg(1, 1, "Plan", "<1@x>", null, null),
                msg(2, 2, "Re: Plan", "<2@x>", null, "<1@x>"),
                msg(3, 3, "Re: Plan", "<3@x>", null, "<1@x> <2@x>"),
                msg(4, 4, "Re: Plan", "<4@x>", "<1@x>", null),
                msg(5, 5, "Lunch", "<5@x>", "<missing@x>", null),
                msg(6, 6, "Re: Lunch", "<6@x>", "<missing@x>", null),
                msg(7, 7, "Re: Plan", null, null, null),
                msg(8, 0, "Solo", "<8@x>", null, null));
        // 7 has no references but a reply subject: it joins the "Plan" thread (step 5);
        // 5 and 6 share a missing parent: a dummy with two children stays at the root
        assertEquals("(8)(1 (2 3)(4)(7))((5)(6))", Threader.references(box));
    }

    @Test
    void referencesLoopsAreNotLinked() {
        List<ThreadMessage> box = List.of(
                msg(1, 1, "a", "<a@x>", null, "<b@x>"),
                msg(2, 2, "b", "<b@x>", null, "<a@x>"));
        assertEquals("(2 1)", Threader.references(box));
    }

    @Test
    void referencesSameSubjectWithoutReplyGetsADummy() {
        List<ThreadMessage> box = List.of(
                msg(1, 1, "Hi", "<1@x>", null, null),
                msg(2, 2, "Hi", "<2@x>", null, null),
                msg(3, 3, "Other", "<3@x>", null, null));
        assertEquals("((1)(2))(3)", Threader.references(box));
    }

    @Test
    void referencesDuplicateMessageIdBelongsToTheFirstMessage() {
        List<ThreadMessage> box = List.of(
                msg(1, 1, "one", "<dup@x>", null, null),
                msg(2, 2, "two", "<dup@x>", null, null),
                msg(3, 3, "three", "<3@x>", null, "<dup@x>"));
        // the first message keeps the id, the later duplicate gets a unique one (as Dovecot)
        assertEquals("(1 3)(2)", Threader.references(box));
    }

    @Test
    void referencesOrdersSiblingsByDateThenId() {
        List<ThreadMessage> box = List.of(
                msg(1, 1, "p", "<p@x>", null, null),
                msg(2, 9, "Re: p", "<c1@x>", null, "<p@x>"),
                msg(3, 5, "Re: p", "<c2@x>", null, "<p@x>"),
                msg(4, 5, "Re: p", "<c3@x>", null, "<p@x>"));
        assertEquals("(1 (3)(4)(2))", Threader.references(box));
    }

    @Test
    void emptyMailboxHasNoThreads() {
        assertEquals("", Threader.references(List.of()));
        assertEquals("", Threader.orderedSubject(List.of()));
    }
}
