package org.loftmail.imap.impl.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compressed sequence sets for SEARCH results, VANISHED, MODIFIED, APPENDUID and COPYUID. */
class SequenceSetFormatTest {

    private static long[] numbers(String list) {
        return Arrays.stream(list.split(" ")).mapToLong(Long::parseLong).toArray();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1 2 3 5|1:3,5",
            "5 3 1 2|1:3,5",
            "7 7 7|7",
            "1 3 5|1,3,5",
            "4294967294 4294967295|4294967294:4294967295"})
    void sorted(String in, String out) {
        assertEquals(out, SequenceSetFormat.sorted(numbers(in)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"304 319 320|304,319:320", "5 3 4|5,3:4", "10 11 12 1|10:12,1"})
    void inOrderKeepsCorrespondence(String in, String out) {
        assertEquals(out, SequenceSetFormat.inOrder(numbers(in)));
    }

    @org.junit.jupiter.api.Test
    void anEmptySetCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> SequenceSetFormat.sorted(new long[0]));
    }
}
