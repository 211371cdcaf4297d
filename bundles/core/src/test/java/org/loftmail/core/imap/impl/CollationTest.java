package org.loftmail.core.imap.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CollationTest {

    private static final char[] ALPHABET = {'a', 'b', 'Z', '\u00e9', '\ud7ff', '\ue000', '\uffff', '\ud83d', '\ude00',
        '\udbff', '\udfff'};

    /** The order RFC 5051 asks for: code point by code point, shorter first on a common prefix. */
    private static int byCodePoint(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static String random(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(5); i > 0; i--) {
            s.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    @Test
    void keysCompareByCodePointAlsoWithSurrogatesAndBrokenPairs() {
        Random r = new Random(5051);
        for (int i = 0; i < 200_000; i++) {
            String a = random(r);
            String b = random(r);
            assertEquals(Integer.signum(byCodePoint(a, b)), Integer.signum(Collation.compareKeys(a, b)), a + " / " + b);
        }
    }

    @Test
    void asciiKeysAreTheirUppercase() {
        assertEquals("HELLO, WORLD 42", Collation.key("Hello, world 42"));
        assertEquals("E\u0301MILE", Collation.key("\u00e9mile"));
    }
}
