package org.loftmail.storage.core.impl.name;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListPatternTest {

    @ParameterizedTest
    @CsvSource({
        "'', *, a/b/c, true",
        "'', %, a/b, false",
        "'', %, a, true",
        "a/, %, a/b, true",
        "a/, %, a/b/c, false",
        "a/, *, a/b/c, true",
        "'', a%c, abc, true",
        "'', a%c, a/c, false",
        "'', inbox, INBOX, true",
        "'', Inbox/%, INBOX/x, true",
        "'', inboxes, INBOX, false",
        "'', a.b, a.b, true",
        "'', a.b, axb, false",
        "'', (x), (x), true",
    })
    void matchesLikeImapList(String reference, String pattern, String name, boolean expected) {
        assertEquals(expected, new ListPattern(reference, pattern).matches(name));
    }

    @ParameterizedTest
    @CsvSource({
        "'', %, a.b, false",
        "'', %, a/b, true",
        "a., %, a.b, true",
        "a., %, a.b.c, false",
        "'', *, a.b.c, true",
        "'', inbox.%, INBOX.x, true",
        "'', Inbox*, INBOX.x, true",
        "'', a.b, axb, false",
    })
    void withTheSeparatorDotPercentStopsAtDots(String reference, String pattern, String name, boolean expected) {
        assertEquals(expected, new ListPattern(reference, pattern, '.').matches(name));
    }
}
