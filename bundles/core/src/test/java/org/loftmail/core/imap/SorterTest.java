package org.loftmail.core.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SorterTest {
    private static final List<SortableMessage> BOX = List.of(
            new SortableMessage(1, 300, 30, 5000, "Re: banana", "\"Zed\" <adam@example.org>",
                    "carol@example.org", "b@example.org"),
            new SortableMessage(2, 100, 20, 100, "apple", "=?utf-8?q?=C3=84rger?= <zoe@example.org>",
                    "Bob <bob@example.org>", null),
            new SortableMessage(3, 200, 10, 100, "[list] Cherry", "mike@example.org",
                    "undisclosed-recipients:;", "a@example.org"),
            new SortableMessage(4, 200, 40, 900, "Fwd: apple", null, "Alice <alice@example.org>",
                    "A@example.org"));

    private static List<Long> sort(SortCriterion... criteria) {
        return Sorter.sort(BOX, List.of(criteria));
    }

    @Test
    void arrivalDateAndSize() {
        assertEquals(List.of(2L, 3L, 4L, 1L), sort(SortCriterion.of(SortKey.ARRIVAL)));
        assertEquals(List.of(3L, 2L, 1L, 4L), sort(SortCriterion.of(SortKey.DATE)));
        assertEquals(List.of(2L, 3L, 4L, 1L), sort(SortCriterion.of(SortKey.SIZE)));
    }

    @Test
    void oneNumericKeyOverManyRowsSortsLikeTheComparatorWouldAscendingIdsOrNot() {
        java.util.Random r = new java.util.Random(3);
        for (int round = 0; round < 50; round++) {
            List<SortableMessage> box = new java.util.ArrayList<>();
            boolean ascending = round % 2 == 0;
            long range = round % 3 == 0 ? 5 : round % 3 == 1 ? Long.MAX_VALUE / 2 : 1_000_000;
            for (int i = 0; i < 300; i++) {
                long key = (long) (r.nextDouble() * range) - range / 3;
                box.add(new SortableMessage(ascending ? i + 1 : 1000 - i, key, key, key, null, null, null, null));
            }
            for (boolean reverse : new boolean[] {false, true}) {
                List<Long> expected = box.stream().sorted((a, b) -> {
                    int c = Long.compare(a.sentDate(), b.sentDate());
                    c = reverse ? -c : c;
                    return c != 0 ? c : Long.compare(a.id(), b.id());
                }).map(SortableMessage::id).toList();
                assertEquals(expected, Sorter.sort(box, List.of(new SortCriterion(SortKey.DATE, reverse))));
            }
        }
    }

    @Test
    void tiesFallBackToAscendingIdEvenWhenReversed() {
        assertEquals(List.of(1L, 4L, 2L, 3L), sort(SortCriterion.reversed(SortKey.SIZE)));
    }

    @Test
    void stringsCompareByCodePointAlsoBeyondTheBasicPlane() {
        // U+E000 (private use) is below U+1F600 by code point, above its surrogates by code unit
        List<SortableMessage> box = List.of(
                new SortableMessage(1, 0, 0, 0, "\uD83D\uDE00", null, null, null),
                new SortableMessage(2, 0, 0, 0, "\uE000", null, null, null),
                new SortableMessage(3, 0, 0, 0, "b", null, null, null));
        assertEquals(List.of(3L, 2L, 1L), Sorter.sort(box, List.of(SortCriterion.of(SortKey.SUBJECT))));
    }

    @Test
    void subjectUsesBaseSubject() {
        assertEquals(List.of(2L, 4L, 1L, 3L), sort(SortCriterion.of(SortKey.SUBJECT)));
    }

    @Test
    void addressKeysUseTheFirstMailboxLocalPartOrGroupName() {
        // FROM: adam, zoe, mike, "" (missing sorts first)
        assertEquals(List.of(4L, 1L, 3L, 2L), sort(SortCriterion.of(SortKey.FROM)));
        // TO: carol, bob, undisclosed-recipients (a group sorts by its name, as in Dovecot), alice
        assertEquals(List.of(4L, 2L, 1L, 3L), sort(SortCriterion.of(SortKey.TO)));
        // CC: b, "", a, A (case-insensitive tie of 3 and 4 -> id)
        assertEquals(List.of(2L, 3L, 4L, 1L), sort(SortCriterion.of(SortKey.CC)));
    }

    @Test
    void displayKeysUseDecodedDisplayNameOrAddrSpec() {
        // DISPLAYFROM: Zed, Ärger, mike@example.org, ""; i;unicode-casemap puts Ä with A
        assertEquals(List.of(4L, 2L, 3L, 1L), sort(SortCriterion.of(SortKey.DISPLAYFROM)));
        // DISPLAYTO: carol@example.org, Bob, undisclosed-recipients, Alice
        assertEquals(List.of(4L, 2L, 1L, 3L), sort(SortCriterion.of(SortKey.DISPLAYTO)));
    }

    @Test
    void multipleCriteriaApplyInTurn() {
        // 3 and 4 arrived together: REVERSE SUBJECT puts Cherry (3) before apple (4)
        assertEquals(List.of(2L, 3L, 4L, 1L),
                sort(SortCriterion.of(SortKey.ARRIVAL), SortCriterion.reversed(SortKey.SUBJECT)));
        assertEquals(List.of(2L, 4L, 3L, 1L),
                sort(SortCriterion.of(SortKey.ARRIVAL), SortCriterion.of(SortKey.SUBJECT)));
        assertEquals(List.of(1L, 3L, 4L, 2L), sort(SortCriterion.reversed(SortKey.ARRIVAL)));
    }
}
