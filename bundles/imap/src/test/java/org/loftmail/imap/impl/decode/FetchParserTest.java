package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.imap.impl.request.FetchAttribute;
import org.loftmail.imap.impl.request.FetchAttribute.Binary;
import org.loftmail.imap.impl.request.FetchAttribute.BinarySize;
import org.loftmail.imap.impl.request.FetchAttribute.Body;
import org.loftmail.imap.impl.request.FetchAttribute.Kind;
import org.loftmail.imap.impl.request.FetchAttribute.Partial;
import org.loftmail.imap.impl.request.FetchAttribute.Simple;
import org.loftmail.imap.impl.request.FetchRequest;
import org.loftmail.imap.impl.request.Section;
import org.loftmail.imap.impl.request.SequenceSet;
import org.loftmail.imap.impl.request.SequenceSet.Range;

/** FETCH: RFC 3501 6.4.5 examples, every attribute and section form, macros, RFC 7162 modifiers. */
class FetchParserTest {

    private static final Simple FLAGS = new Simple(Kind.FLAGS);
    private static final Simple INTERNALDATE = new Simple(Kind.INTERNALDATE);
    private static final Simple SIZE = new Simple(Kind.RFC822_SIZE);
    private static final Simple ENVELOPE = new Simple(Kind.ENVELOPE);

    private static FetchRequest fetch(String set, FetchAttribute... attributes) throws ParseException {
        return new FetchRequest("A654", false, SequenceSetParser.parse(set), List.of(attributes), null, false);
    }

    private static Section section(List<Integer> part, Section.Text text, String... fields) {
        return new Section(part, text, List.of(fields));
    }

    static Stream<Arguments> fetches() throws ParseException {
        return Stream.of(
                Arguments.of("A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])",
                        fetch("2:4", FLAGS, new Body(section(List.of(), Section.Text.HEADER_FIELDS, "DATE", "FROM"), false, null))),
                Arguments.of("A654 FETCH 1 ALL", fetch("1", FLAGS, INTERNALDATE, SIZE, ENVELOPE)),
                Arguments.of("A654 FETCH 1 fast", fetch("1", FLAGS, INTERNALDATE, SIZE)),
                Arguments.of("A654 FETCH 1 FULL", fetch("1", FLAGS, INTERNALDATE, SIZE, ENVELOPE, new Simple(Kind.BODY))),
                Arguments.of("A654 FETCH * (UID RFC822.SIZE BODYSTRUCTURE BODY MODSEQ INTERNALDATE ENVELOPE)",
                        fetch("*", new Simple(Kind.UID), SIZE, new Simple(Kind.BODYSTRUCTURE), new Simple(Kind.BODY),
                                new Simple(Kind.MODSEQ), INTERNALDATE, ENVELOPE)),
                Arguments.of("A654 FETCH 1 RFC822", fetch("1", new Body(Section.whole(), false, null, "RFC822"))),
                Arguments.of("A654 FETCH 1 (RFC822.HEADER RFC822.TEXT)", fetch("1",
                        new Body(Section.of(Section.Text.HEADER), true, null, "RFC822.HEADER"),
                        new Body(Section.of(Section.Text.TEXT), false, null, "RFC822.TEXT"))),
                Arguments.of("A654 FETCH 1 BODY[]", fetch("1", new Body(Section.whole(), false, null))),
                Arguments.of("A654 FETCH 1 BODY.PEEK[]<0.2048>", fetch("1", new Body(Section.whole(), true, new Partial(0, 2048)))),
                Arguments.of("A654 FETCH 1 body.peek[text]", fetch("1", new Body(Section.of(Section.Text.TEXT), true, null))),
                Arguments.of("A654 FETCH 1 (BODY[1] BODY[1.2.3] BODY[3.HEADER] BODY[3.TEXT] BODY[4.1.MIME] BODY[4.2.HEADER.FIELDS.NOT (Received \"X-Spam\")])",
                        fetch("1", new Body(section(List.of(1), Section.Text.NONE), false, null),
                                new Body(section(List.of(1, 2, 3), Section.Text.NONE), false, null),
                                new Body(section(List.of(3), Section.Text.HEADER), false, null),
                                new Body(section(List.of(3), Section.Text.TEXT), false, null),
                                new Body(section(List.of(4, 1), Section.Text.MIME), false, null),
                                new Body(section(List.of(4, 2), Section.Text.HEADER_FIELDS_NOT, "RECEIVED", "X-SPAM"), false, null))),
                // RFC 3516
                Arguments.of("A654 FETCH 1 (BINARY[] BINARY.PEEK[1.2]<100.200> BINARY.SIZE[3])",
                        fetch("1", new Binary(List.of(), false, null), new Binary(List.of(1, 2), true, new Partial(100, 200)),
                                new BinarySize(List.of(3)))),
                Arguments.of("A654 FETCH 5:2 UID", new FetchRequest("A654", false, SequenceSet.of(new Range(5, 2)),
                        List.of(new Simple(Kind.UID)), null, false)),
                Arguments.of("A654 FETCH $ UID", new FetchRequest("A654", false, SequenceSet.SAVED,
                        List.of(new Simple(Kind.UID)), null, false)),
                // RFC 7162 3.1.4.1 and 3.2.6
                Arguments.of("s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)",
                        new FetchRequest("s100", true, SequenceSet.of(new Range(1, Range.STAR)), List.of(FLAGS), 12345L, false)),
                Arguments.of("s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)",
                        new FetchRequest("s100", true, SequenceSet.of(new Range(300, 500)), List.of(FLAGS), 12345L, true)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("fetches")
    void decodesFetch(String wire, FetchRequest expected) throws ParseException {
        assertEquals(expected, Decode.request(wire));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a FETCH 1", "a BAD Error in IMAP command FETCH: Missing argument"),
                Arguments.of("a FETCH 1 (FLAGS", "a BAD Error in IMAP command FETCH: Missing argument"),
                Arguments.of("a FETCH 1 BODY[FOO]", "a BAD Error in IMAP command FETCH: Invalid section FOO"),
                Arguments.of("a FETCH 1 BODY[MIME]", "a BAD Error in IMAP command FETCH: Invalid section MIME"),
                Arguments.of("a FETCH 1 BODY[1.]", "a BAD Error in IMAP command FETCH: Invalid section 1."),
                Arguments.of("a FETCH 1 BODY[0]", "a BAD Error in IMAP command FETCH: Invalid section part number 0"),
                Arguments.of("a FETCH 1 BODY[HEADER.FIELDS]", "a BAD Error in IMAP command FETCH: Expected a space"),
                Arguments.of("a FETCH 1 BODY[]<0.0>", "a BAD Error in IMAP command FETCH: Expected a non-zero number"),
                Arguments.of("a FETCH 1 (BODY.PEEK UID)", "a BAD Error in IMAP command FETCH: Expected '['"),
                Arguments.of("a FETCH 1 FROB", "a BAD Error in IMAP command FETCH: Unknown FETCH attribute FROB"),
                Arguments.of("a FETCH 1 FLAGS (VANISHED)", "a BAD Error in IMAP command FETCH: VANISHED needs UID FETCH with CHANGEDSINCE"),
                Arguments.of("a UID FETCH 1 FLAGS (VANISHED)", "a BAD Error in IMAP command UID FETCH: VANISHED needs UID FETCH with CHANGEDSINCE"),
                Arguments.of("a FETCH 1 FLAGS (CHANGEDSINCE x)", "a BAD Error in IMAP command FETCH: Invalid mod-sequence value"),
                Arguments.of("a FETCH 1:2:3 FLAGS", "a BAD Error in IMAP command FETCH: Invalid sequence set"),
                Arguments.of("a FETCH 4294967296 FLAGS", "a BAD Error in IMAP command FETCH: Invalid sequence set"),
                Arguments.of("a FETCH 1,$ FLAGS", "a BAD Error in IMAP command FETCH: Invalid sequence set"),
                Arguments.of("a FETCH 1 ALLX", "a BAD Error in IMAP command FETCH: Unknown FETCH attribute ALLX"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void malformedFetchGetsBad(String wire, String response) {
        assertEquals(response, Decode.badLine(wire));
    }
}
