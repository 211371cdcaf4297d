package org.loftmail.imap.impl.encode;

import java.util.Arrays;

/** Compressed {@code sequence-set} text for responses: {@code 1,2,3,5} becomes {@code 1:3,5}. */
public final class SequenceSetFormat {

    private SequenceSetFormat() {
    }

    /** Sorted and without duplicates first: for SEARCH results, VANISHED, MODIFIED. */
    public static String sorted(long[] numbers) {
        return inOrder(Arrays.stream(numbers).sorted().distinct().toArray());
    }

    /**
     * Keeps the given order, joining only ascending runs: for APPENDUID and COPYUID, where the
     * n-th source UID matches the n-th destination UID (RFC 4315 3).
     */
    public static String inOrder(long[] numbers) {
        if (numbers.length == 0) {
            throw new IllegalArgumentException("a sequence set has at least one number");
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < numbers.length) {
            int j = i;
            while (j + 1 < numbers.length && numbers[j + 1] == numbers[j] + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(numbers[i]);
            if (j > i) {
                sb.append(':').append(numbers[j]);
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
