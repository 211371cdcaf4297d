package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.loftmail.api.protocol.Command;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.imap.impl.request.SearchKey;
import org.loftmail.imap.impl.request.SearchKey.*;
import org.loftmail.imap.impl.request.SearchRequest;
import org.loftmail.imap.impl.request.SearchReturn;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.request.SequenceSet.Range;

/** SEARCH: RFC 3501 6.4.4 examples, every key, CHARSET, MODSEQ, ESEARCH and SEARCHRES. */
class SearchParserTest {

    private static SearchKey and(SearchKey... keys) {
        return new And(List.of(keys));
    }

    static Stream<Arguments> searches() {
        return Stream.of(
                Arguments.of("A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
                        new SearchRequest("A282", false, null, and(new HasFlag("\\Flagged", true),
                                new Date(DateField.INTERNAL, Comparison.SINCE, LocalDate.of(1994, 2, 1)),
                                new Not(new Header("FROM", "Smith"))), null)),
                Arguments.of("A283 SEARCH TEXT \"string not in mailbox\"",
                        new SearchRequest("A283", false, null, new Text("string not in mailbox", false), null)),
                Arguments.of("A284 SEARCH CHARSET UTF-8 TEXT {6}\r\nXXXXXX",
                        new SearchRequest("A284", false, "UTF-8", new Text("XXXXXX", false), null)),
                Arguments.of("a UID SEARCH OR (SEEN FLAGGED) NOT UID 1:5,*",
                        new SearchRequest("a", true, null, new Or(and(new HasFlag("\\Seen", true),
                                new HasFlag("\\Flagged", true)), new Not(new Uid(SequenceSet.of(new Range(1, 5),
                                Range.single(Range.STAR))))), null)),
                Arguments.of("a SEARCH NEW", new SearchRequest("a", false, null,
                        and(new HasFlag("\\Recent", true), new HasFlag("\\Seen", false)), null)),
                Arguments.of("a SEARCH old unanswered undeleted undraft unflagged unseen recent answered deleted draft",
                        new SearchRequest("a", false, null, and(new HasFlag("\\Recent", false),
                                new HasFlag("\\Answered", false), new HasFlag("\\Deleted", false),
                                new HasFlag("\\Draft", false), new HasFlag("\\Flagged", false),
                                new HasFlag("\\Seen", false), new HasFlag("\\Recent", true),
                                new HasFlag("\\Answered", true), new HasFlag("\\Deleted", true),
                                new HasFlag("\\Draft", true)), null)),
                Arguments.of("a SEARCH KEYWORD $Junk UNKEYWORD NonJunk",
                        new SearchRequest("a", false, null, and(new HasFlag("$Junk", true),
                                new HasFlag("NonJunk", false)), null)),
                Arguments.of("a SEARCH BCC b CC c TO d SUBJECT \"s\" HEADER x-spam \"\" BODY e",
                        new SearchRequest("a", false, null, and(new Header("BCC", "b"), new Header("CC", "c"),
                                new Header("TO", "d"), new Header("SUBJECT", "s"), new Header("X-SPAM", ""),
                                new Text("e", true)), null)),
                Arguments.of("a SEARCH BEFORE 1-Jan-2000 ON \"01-jan-2000\" SENTBEFORE 2-Mar-2001 SENTON 3-Apr-2002 SENTSINCE 4-May-2003",
                        new SearchRequest("a", false, null, and(
                                new Date(DateField.INTERNAL, Comparison.BEFORE, LocalDate.of(2000, 1, 1)),
                                new Date(DateField.INTERNAL, Comparison.ON, LocalDate.of(2000, 1, 1)),
                                new Date(DateField.SENT, Comparison.BEFORE, LocalDate.of(2001, 3, 2)),
                                new Date(DateField.SENT, Comparison.ON, LocalDate.of(2002, 4, 3)),
                                new Date(DateField.SENT, Comparison.SINCE, LocalDate.of(2003, 5, 4))), null)),
                Arguments.of("a SEARCH LARGER 4294967295 SMALLER 0 ALL 2:4 $",
                        new SearchRequest("a", false, null, and(new Size(true, 4294967295L), new Size(false, 0),
                                new All(), new Sequence(SequenceSet.of(new Range(2, 4))),
                                new Sequence(SequenceSet.SAVED)), null)),
                // RFC 7162 3.1.5
                Arguments.of("a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338",
                        new SearchRequest("a", false, null, new ModSeq("/flags/\\draft", "all", 620162338L), null)),
                Arguments.of("t SEARCH OR NOT MODSEQ 720162338 LARGER 50000",
                        new SearchRequest("t", false, null, new Or(new Not(new ModSeq(null, null, 720162338L)),
                                new Size(true, 50000)), null)),
                // RFC 4731 and RFC 5182
                Arguments.of("A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994",
                        new SearchRequest("A282", false, null, and(new HasFlag("\\Flagged", true),
                                new Date(DateField.INTERNAL, Comparison.SINCE, LocalDate.of(1994, 2, 1))),
                                Set.of(SearchReturn.MIN, SearchReturn.COUNT))),
                Arguments.of("A283 SEARCH RETURN () FLAGGED", new SearchRequest("A283", false, null,
                        new HasFlag("\\Flagged", true), Set.of(SearchReturn.ALL))),
                Arguments.of("A301 UID SEARCH RETURN (SAVE MIN MAX ALL) CHARSET us-ascii SEEN",
                        new SearchRequest("A301", true, "us-ascii", new HasFlag("\\Seen", true),
                                Set.of(SearchReturn.SAVE, SearchReturn.MIN, SearchReturn.MAX, SearchReturn.ALL))),
                Arguments.of("a SEARCH ((DELETED) (NOT (SEEN)))", new SearchRequest("a", false, null,
                        and(new HasFlag("\\Deleted", true), new Not(new HasFlag("\\Seen", true))), null)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("searches")
    void decodesSearch(String wire, SearchRequest expected) throws ParseException {
        assertEquals(expected, Decode.request(wire));
    }

    @org.junit.jupiter.api.Test
    void decodesStringsInTheNamedCharset() throws ParseException {
        // a client that sends Latin-1 bytes in a literal, as RFC 3501 6.4.4 allows with CHARSET
        Command command = new Command(List.of(
                new Command.Text("a SEARCH CHARSET ISO-8859-1 SUBJECT {3}".getBytes(StandardCharsets.US_ASCII)),
                new BytesLiteral(new byte[] {(byte) 0xe9, 't', (byte) 0xe9}, false),
                new Command.Text(new byte[0])));
        SearchRequest request = (SearchRequest) new CommandDecoder(CommandTable.standard()).decode(command).request();
        assertEquals(new Header("SUBJECT", "\u00e9t\u00e9"), request.key());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a SEARCH", "a BAD Error in IMAP command SEARCH: Missing argument"),
                Arguments.of("a SEARCH FOO", "a BAD Error in IMAP command SEARCH: Unknown search key FOO"),
                Arguments.of("a SEARCH SINCE 30-Feb-2020", "a BAD Error in IMAP command SEARCH: Invalid date"),
                Arguments.of("a SEARCH SINCE 1-Foo-2020", "a BAD Error in IMAP command SEARCH: Invalid date"),
                Arguments.of("a SEARCH LARGER 4294967296", "a BAD Error in IMAP command SEARCH: Invalid number"),
                Arguments.of("a SEARCH OR SEEN", "a BAD Error in IMAP command SEARCH: Missing argument"),
                Arguments.of("a SEARCH (SEEN", "a BAD Error in IMAP command SEARCH: Missing argument"),
                Arguments.of("a SEARCH SEEN)", "a BAD Error in IMAP command SEARCH: Expected a space"),
                Arguments.of("a SEARCH RETURN (BIGGEST) ALL", "a BAD Error in IMAP command SEARCH: Unknown RETURN option BIGGEST"),
                Arguments.of("a SEARCH MODSEQ \"/flags/\\\\seen\" mine 5", "a BAD Error in IMAP command SEARCH: Invalid MODSEQ entry type"),
                Arguments.of("a SEARCH MODSEQ 99999999999999999999", "a BAD Error in IMAP command SEARCH: Invalid mod-sequence value"),
                Arguments.of("a SEARCH UID 1:0", "a BAD Error in IMAP command SEARCH: Invalid sequence set"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void malformedSearchGetsBad(String wire, String response) {
        assertEquals(response, Decode.badLine(wire));
    }
}
