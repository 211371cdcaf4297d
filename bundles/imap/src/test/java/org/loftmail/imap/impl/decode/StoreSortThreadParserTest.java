package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.imap.impl.request.ImapRequest;
import org.loftmail.imap.impl.request.SearchKey;
import org.loftmail.imap.impl.request.SearchReturn;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.request.SequenceSet.Range;
import org.loftmail.imap.impl.request.SortCriterion;
import org.loftmail.imap.impl.request.SortKey;
import org.loftmail.imap.impl.request.SortRequest;
import org.loftmail.imap.impl.request.StoreRequest;
import org.loftmail.imap.impl.request.StoreRequest.Mode;
import org.loftmail.imap.impl.request.ThreadRequest;

/** STORE (RFC 3501 6.4.6, UNCHANGEDSINCE RFC 7162), SORT and THREAD (RFC 5256, 5267, 5957). */
class StoreSortThreadParserTest {

    private static final SearchKey ALL = new SearchKey.All();

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("A003 STORE 2:4 +FLAGS (\\Deleted)", new StoreRequest("A003", false,
                        SequenceSet.of(new Range(2, 4)), Mode.ADD, false, List.of("\\Deleted"), null)),
                Arguments.of("a STORE 1 FLAGS.SILENT (\\seen $Label1)", new StoreRequest("a", false,
                        SequenceSet.of(Range.single(1)), Mode.REPLACE, true, List.of("\\Seen", "$Label1"), null)),
                Arguments.of("a UID STORE *:5 -flags \\Draft \\Answered", new StoreRequest("a", true,
                        SequenceSet.of(new Range(Range.STAR, 5)), Mode.REMOVE, false, List.of("\\Draft", "\\Answered"), null)),
                Arguments.of("a STORE 1 FLAGS ()", new StoreRequest("a", false, SequenceSet.of(Range.single(1)),
                        Mode.REPLACE, false, List.of(), null)),
                // RFC 7162 3.1.3
                Arguments.of("d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)",
                        new StoreRequest("d105", false, SequenceSet.of(Range.single(7), Range.single(5), Range.single(9)),
                                Mode.ADD, true, List.of("\\Deleted"), 320162338L)),
                // RFC 5256 5
                Arguments.of("A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994", new SortRequest("A282", false,
                        List.of(new SortCriterion(SortKey.SUBJECT, false)), "UTF-8",
                        new SearchKey.Date(SearchKey.DateField.INTERNAL, SearchKey.Comparison.SINCE, LocalDate.of(1994, 2, 1)), null)),
                Arguments.of("A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL", new SortRequest("A283", false,
                        List.of(new SortCriterion(SortKey.SUBJECT, false), new SortCriterion(SortKey.DATE, true)), "UTF-8", ALL, null)),
                Arguments.of("A284 UID SORT (ARRIVAL CC FROM SIZE TO DISPLAYFROM REVERSE DISPLAYTO) \"US-ASCII\" SEEN",
                        new SortRequest("A284", true, List.of(new SortCriterion(SortKey.ARRIVAL, false),
                                new SortCriterion(SortKey.CC, false), new SortCriterion(SortKey.FROM, false),
                                new SortCriterion(SortKey.SIZE, false), new SortCriterion(SortKey.TO, false),
                                new SortCriterion(SortKey.DISPLAYFROM, false), new SortCriterion(SortKey.DISPLAYTO, true)),
                                "US-ASCII", new SearchKey.HasFlag("\\Seen", true), null)),
                // RFC 5267 3.2
                Arguments.of("A01 SORT RETURN (MIN COUNT) (DATE) UTF-8 ALL", new SortRequest("A01", false,
                        List.of(new SortCriterion(SortKey.DATE, false)), "UTF-8", ALL, Set.of(SearchReturn.MIN, SearchReturn.COUNT))),
                Arguments.of("A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000", new ThreadRequest("A283", false,
                        "ORDEREDSUBJECT", "UTF-8",
                        new SearchKey.Date(SearchKey.DateField.INTERNAL, SearchKey.Comparison.SINCE, LocalDate.of(2000, 3, 5)))),
                Arguments.of("A284 UID THREAD references US-ASCII TEXT \"gewp\"", new ThreadRequest("A284", true,
                        "REFERENCES", "US-ASCII", new SearchKey.Text("gewp", false))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("examples")
    void decodes(String wire, ImapRequest expected) throws ParseException {
        assertEquals(expected, Decode.request(wire));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a STORE 1 +FLAGS", "a BAD Error in IMAP command STORE: Missing argument"),
                Arguments.of("a STORE 1 FLAGGED (\\Seen)", "a BAD Error in IMAP command STORE: Invalid STORE data item FLAGGED"),
                Arguments.of("a STORE 1 +FLAGS (\\Seen", "a BAD Error in IMAP command STORE: Missing argument"),
                Arguments.of("a STORE 1 +FLAGS (\\Foo)", "a BAD Error in IMAP command STORE: Invalid system flag \\FOO"),
                Arguments.of("a STORE 1 (UNCHANGEDSINCE) FLAGS x", "a BAD Error in IMAP command STORE: Expected a space"),
                Arguments.of("a STORE 1 (FOO 1) FLAGS x", "a BAD Error in IMAP command STORE: Unknown STORE modifier FOO"),
                Arguments.of("a SORT (NAME) UTF-8 ALL", "a BAD Error in IMAP command SORT: Unknown sort key NAME"),
                Arguments.of("a SORT (DATE) UTF-8", "a BAD Error in IMAP command SORT: Missing argument"),
                Arguments.of("a SORT DATE UTF-8 ALL", "a BAD Error in IMAP command SORT: Expected '('"),
                Arguments.of("a THREAD X-FAST UTF-8 ALL", "a BAD Error in IMAP command THREAD: Unknown thread algorithm X-FAST"),
                Arguments.of("a UID THREAD REFERENCES", "a BAD Error in IMAP command UID THREAD: Missing argument"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void malformedGetsBad(String wire, String response) {
        assertEquals(response, Decode.badLine(wire));
    }
}
