package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.request.SequenceSet.Range;

/** The tokenizer's pieces: strings, numbers, sequence sets, dates, flags (RFC 3501 9). */
class TokenizerTest {

    private static ImapReader reader(String wire) {
        return new ImapReader(ClientInput.command(wire));
    }

    @Test
    void readsAtomsQuotedStringsAndLiteralsInOrder() throws ParseException {
        ImapReader r = reader("atom \"q \\\"x\\\" \\\\ \u00fc\" {3}\r\nlit NIL \"\" rest]");
        assertEquals("atom", r.atom());
        r.sp();
        assertEquals("q \"x\" \\ \u00fc", r.astring());
        r.sp();
        assertEquals("lit", r.astring());
        r.sp();
        assertNull(r.nstring());
        r.sp();
        assertEquals("", r.nstring());
        r.sp();
        assertEquals("rest]", r.astring());
        assertTrue(r.atEnd());
        r.end();
    }

    @Test
    void literalWithCrlfInsideStaysWhole() throws ParseException {
        ImapReader r = reader("{7}\r\na\r\nb\r\n\"");
        assertEquals("a\r\nb\r\n\"", r.string());
        assertTrue(r.atEnd());
    }

    @Test
    void inboxIsCaseInsensitiveOtherNamesAreNot() throws ParseException {
        ImapReader r = reader("InBoX \"inbox\" INBOX.Sub Archive");
        assertEquals("INBOX", r.mailbox());
        r.sp();
        assertEquals("INBOX", r.mailbox());
        r.sp();
        assertEquals("INBOX.Sub", r.mailbox());
        r.sp();
        assertEquals("Archive", r.mailbox());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "4294967295,4294967295", "007,7"})
    void numbersInUint32Range(String text, long expected) throws ParseException {
        assertEquals(expected, reader(text).number());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967296", "99999999999", "-1", "x"})
    void numbersOutOfRangeAreRefused(String text) {
        assertEquals("Invalid number", assertThrows(ParseException.class, () -> reader(text).number()).getMessage());
    }

    @Test
    void modSeqValuesAre63Bit() throws ParseException {
        assertEquals(Long.MAX_VALUE, reader("9223372036854775807").number64());
        assertThrows(ParseException.class, () -> reader("9223372036854775808").number64());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|1", "1:3,5|1:3,5", "5:2|5:2", "*|*", "3:*|3:*", "*:3|*:3", "2,4:7,9,12:*|2,4:7,9,12:*", "$|$"})
    void sequenceSetsKeepTheirShape(String text, String expected) throws ParseException {
        assertEquals(expected, SequenceSetParser.parse(text).toString());
    }

    @Test
    void reversedRangesAndStarResolveAgainstTheLargestNumber() throws ParseException {
        SequenceSet set = SequenceSetParser.parse("5:2,*:9");
        assertEquals(List.of(new Range(5, 2), new Range(Range.STAR, 9)), set.ranges());
        assertTrue(set.contains(3, 7));
        assertTrue(set.contains(8, 7)); // *:9 with * = 7 is 7:9
        assertFalse(set.contains(1, 7));
        assertFalse(set.contains(10, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1:", ":1", "1,,2", ",", "1:2:3", "4294967296", "1,$", "$$"})
    void malformedSequenceSets(String text) {
        assertEquals("Invalid sequence set",
                assertThrows(ParseException.class, () -> SequenceSetParser.parse(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1-Feb-1994|1994-02-01", "\"01-FEB-1994\"|1994-02-01", "29-feb-2024|2024-02-29", "31-Dec-1999|1999-12-31"})
    void dates(String text, String iso) throws ParseException {
        assertEquals(LocalDate.parse(iso), DateParser.date(reader(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"29-Feb-2023", "1-Feb-94", "123-Feb-1994", "1/Feb/1994", "1-February-1994", "\"1-Feb-1994"})
    void malformedDates(String text) {
        assertThrows(ParseException.class, () -> DateParser.date(reader(text)));
    }

    @Test
    void flagsAreCanonicalAndWildcardOnlyWhereAllowed() throws ParseException {
        assertEquals(List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft", "$Forwarded", "NonJunk"),
                FlagParser.flagList(reader("(\\ANSWERED \\flagged \\Deleted \\seen \\dRAFT $Forwarded NonJunk)")));
        assertEquals(List.of(), FlagParser.flagList(reader("()")));
        assertEquals("\\*", FlagParser.flag(reader("\\*"), true));
        assertEquals("Invalid flag \\*", assertThrows(ParseException.class,
                () -> FlagParser.flag(reader("\\*"), false)).getMessage());
        assertEquals("Invalid system flag \\RECENT", assertThrows(ParseException.class,
                () -> FlagParser.flag(reader("\\Recent"), false)).getMessage());
    }

    @Test
    void invalidUtf8InAStringIsRefused() {
        var command = new org.loftmail.api.protocol.Command(List.of(
                new org.loftmail.api.protocol.Command.Text(new byte[] {'"', (byte) 0xc3, '"'})));
        assertEquals("Invalid UTF-8 in string",
                assertThrows(ParseException.class, () -> new ImapReader(command).astring()).getMessage());
    }

    @Test
    void literalMarkerMustEndTheLine() {
        assertEquals("Invalid literal", assertThrows(ParseException.class, () -> reader("{3} x").string()).getMessage());
        assertEquals("Invalid literal", assertThrows(ParseException.class, () -> reader("{}").string()).getMessage());
    }
}
