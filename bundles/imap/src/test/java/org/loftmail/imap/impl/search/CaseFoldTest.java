package org.loftmail.imap.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** i;unicode-casemap: simple titlecase, then NFKD. */
class CaseFoldTest {

    @ParameterizedTest
    @CsvSource({
        "ärger, ÄRGER",
        "Ärger, a\u0308rger",
        "straße, STRAßE",
        "ΣΟΦΟΣ, σοφος",
        "ǆ, Ǆ",
        "ǅ, ǆ",
        "ｆｕｌｌ, FULL",
        "Ω, ω",
        "\uD801\uDC00, \uD801\uDC28",
    })
    void equalFolds(String a, String b) {
        assertEquals(CaseFold.fold(a), CaseFold.fold(b));
    }

    @Test
    void noFullCaseMapping() {
        assertNotEquals(CaseFold.fold("grüße"), CaseFold.fold("GRÜSSE"));
        assertNotEquals(CaseFold.fold("ß"), CaseFold.fold("ẞ"));
        // NFKD comes after titlecasing: a ligature decomposes to lower case letters (Dovecot
        // 2.3.19 does not find "ﬁle" with FILE either)
        assertNotEquals(CaseFold.fold("ﬁle"), CaseFold.fold("FILE"));
        assertEquals(CaseFold.fold("ﬁle"), CaseFold.fold("ﬁLE"));
    }

    @Test
    void asciiFastPath() {
        assertEquals("HELLO, WORLD! 123 @[]^_`{}", CaseFold.fold("Hello, World! 123 @[]^_`{}"));
    }

    @Test
    void decomposedTextContainsTheBaseLetter() {
        assertTrue(CaseFold.fold("Grüße").contains(CaseFold.fold("gru")));
    }

    @Test
    void safeCutKeepsSequencesTogether() {
        char[] buf = "abce\u0301\u0302".toCharArray();
        assertEquals(3, CaseFold.safeCut(buf, buf.length));
        char[] pair = "ab\uD83D\uDE00".toCharArray();
        assertEquals(2, CaseFold.safeCut(pair, pair.length));
        char[] high = "abc\uD83D".toCharArray();
        assertEquals(3, CaseFold.safeCut(high, high.length));
        char[] plain = "abcd".toCharArray();
        assertEquals(3, CaseFold.safeCut(plain, plain.length));
    }
}
