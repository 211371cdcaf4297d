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

    /** The per-character fast path gives what folding the whole string at once gives. */
    @Test
    void foldingCharacterByCharacterEqualsFoldingTheWholeString() {
        String alphabet = "aZ09 .\u00e4\u00c4\u00df\u0130\u0131\u01c4\u01c5\u03a3\u03c2\u0301\u0308\u0323\u0345"
                + "\u1e0b\u1e63\ufb01\uff21\u212a\u2126\uac00\u1100\u3042\u4e2d\ufffd\ud801\udc00\ud835\udc00\u0f73";
        int[] cps = alphabet.codePoints().toArray();
        java.util.Random random = new java.util.Random(5051);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int i = 0; i < len; i++) {
                b.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            String s = b.toString();
            StringBuilder titled = new StringBuilder();
            s.codePoints().forEach(cp -> titled.appendCodePoint(Character.toTitleCase(cp)));
            assertEquals(java.text.Normalizer.normalize(titled, java.text.Normalizer.Form.NFKD), CaseFold.fold(s), s);
        }
    }
}
