package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.imap.impl.request.ImapRequest;
import org.loftmail.imap.impl.request.ListRequest;
import org.loftmail.imap.impl.request.ListReturn;
import org.loftmail.imap.impl.request.ListSelection;
import org.loftmail.imap.impl.request.QresyncParameter;
import org.loftmail.imap.impl.request.SelectRequest;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.request.SequenceSet.Range;
import org.loftmail.imap.impl.request.StatusItem;

/** SELECT/EXAMINE with RFC 7162 parameters; LIST as in RFC 3501, RFC 5258, RFC 5819, RFC 6154. */
class SelectListParserTest {

    private static ListRequest list(String tag, String ref, List<String> patterns, Set<ListSelection> sel,
                                    Set<ListReturn> ret, List<StatusItem> status) {
        return new ListRequest(tag, ref, patterns, sel, ret, status);
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("a SELECT INBOX (CONDSTORE)", new SelectRequest("a", "INBOX", false, true, null)),
                Arguments.of("A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))",
                        new SelectRequest("A02", "INBOX", false, false, new QresyncParameter(67890007L, 20050715194045000L,
                                SequenceSet.of(Range.single(41), new Range(43, 211), new Range(214, 541)), null, null))),
                Arguments.of("B04 EXAMINE INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541 (1:15,19 120:134,140)))",
                        new SelectRequest("B04", "INBOX", true, false, new QresyncParameter(67890007L, 90060115194045000L,
                                SequenceSet.of(new Range(41, 211), new Range(214, 541)),
                                SequenceSet.of(new Range(1, 15), Range.single(19)),
                                SequenceSet.of(new Range(120, 134), Range.single(140))))),
                Arguments.of("c SELECT x (QRESYNC (1 2))", new SelectRequest("c", "x", false, false,
                        new QresyncParameter(1, 2, null, null, null))),
                // RFC 3501 6.3.8
                Arguments.of("A101 LIST \"\" \"\"", list("A101", "", List.of(""), Set.of(), Set.of(), List.of())),
                Arguments.of("A102 LIST #news.comp.mail.misc \"\"",
                        list("A102", "#news.comp.mail.misc", List.of(""), Set.of(), Set.of(), List.of())),
                Arguments.of("A202 LIST ~/Mail/ %", list("A202", "~/Mail/", List.of("%"), Set.of(), Set.of(), List.of())),
                Arguments.of("a LIST \"\" *", list("a", "", List.of("*"), Set.of(), Set.of(), List.of())),
                // RFC 5258 5
                Arguments.of("A02 LIST (SUBSCRIBED) \"\" \"*\"",
                        list("A02", "", List.of("*"), Set.of(ListSelection.SUBSCRIBED), Set.of(), List.of())),
                Arguments.of("A03 LIST () \"\" \"%\" RETURN (CHILDREN)",
                        list("A03", "", List.of("%"), Set.of(), Set.of(ListReturn.CHILDREN), List.of())),
                Arguments.of("A05 LIST (REMOTE SUBSCRIBED) \"\" \"*\"", list("A05", "", List.of("*"),
                        Set.of(ListSelection.REMOTE, ListSelection.SUBSCRIBED), Set.of(), List.of())),
                Arguments.of("A06 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"%\" RETURN (CHILDREN)", list("A06", "", List.of("%"),
                        Set.of(ListSelection.SUBSCRIBED, ListSelection.RECURSIVEMATCH), Set.of(ListReturn.CHILDREN), List.of())),
                Arguments.of("BBB LIST \"\" (\"INBOX\" \"Drafts\" \"Sent/%\")",
                        list("BBB", "", List.of("INBOX", "Drafts", "Sent/%"), Set.of(), Set.of(), List.of())),
                // RFC 5819 and RFC 6154
                Arguments.of("A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))", list("A01", "", List.of("%"),
                        Set.of(), Set.of(), List.of(StatusItem.MESSAGES, StatusItem.UNSEEN))),
                Arguments.of("t3 LIST (SPECIAL-USE) \"\" \"*\"",
                        list("t3", "", List.of("*"), Set.of(ListSelection.SPECIAL_USE), Set.of(), List.of())),
                Arguments.of("t1 LIST \"\" \"%\" RETURN (SPECIAL-USE SUBSCRIBED STATUS (SIZE HIGHESTMODSEQ))",
                        list("t1", "", List.of("%"), Set.of(), Set.of(ListReturn.SPECIAL_USE, ListReturn.SUBSCRIBED),
                                List.of(StatusItem.SIZE, StatusItem.HIGHESTMODSEQ))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("examples")
    void decodes(String wire, ImapRequest expected) throws ParseException {
        assertEquals(expected, Decode.request(wire));
    }

    @Test
    void basicAndExtendedListAreTold() throws ParseException {
        assertFalse(((ListRequest) Decode.request("a LIST \"\" %")).extended());
        assertFalse(((ListRequest) Decode.request("a LIST \"\" (%)")).extended());
        assertTrue(((ListRequest) Decode.request("a LIST \"\" (% *)")).extended());
        assertTrue(((ListRequest) Decode.request("a LIST (SUBSCRIBED) \"\" %")).extended());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a SELECT INBOX (FOO)", "a BAD Error in IMAP command SELECT: Unknown select parameter FOO"),
                Arguments.of("a SELECT INBOX (QRESYNC (0 5))", "a BAD Error in IMAP command SELECT: Expected a non-zero number"),
                Arguments.of("a SELECT INBOX (QRESYNC (1))", "a BAD Error in IMAP command SELECT: Expected a space"),
                Arguments.of("a LIST \"\"", "a BAD Error in IMAP command LIST: Missing argument"),
                Arguments.of("a LIST (RECURSIVEMATCH) \"\" *", "a BAD Error in IMAP command LIST: RECURSIVEMATCH needs another selection option"),
                Arguments.of("a LIST (FOO) \"\" *", "a BAD Error in IMAP command LIST: Unknown LIST selection option FOO"),
                Arguments.of("a LIST \"\" * RETURN (FOO)", "a BAD Error in IMAP command LIST: Unknown LIST return option FOO"),
                Arguments.of("a LIST \"\" * CHILDREN", "a BAD Error in IMAP command LIST: Expected RETURN"),
                Arguments.of("a LSUB \"\"", "a BAD Error in IMAP command LSUB: Missing argument"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void malformedGetsBad(String wire, String response) {
        assertEquals(response, Decode.badLine(wire));
    }
}
