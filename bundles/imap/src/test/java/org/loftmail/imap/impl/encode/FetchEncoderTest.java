package org.loftmail.imap.impl.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loftmail.imap.impl.request.FetchAttribute;
import org.loftmail.imap.impl.request.Section;

/** FETCH responses (RFC 3501 7.4.2 examples), section labels, RFC 3516 and RFC 7162 items. */
class FetchEncoderTest {

    private static FetchItem.Content content(String text, boolean binary) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return new FetchItem.Content() {
            @Override
            public long size() {
                return data.length;
            }

            @Override
            public boolean binary() {
                return binary;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(data);
            }
        };
    }

    private static String fetch(long seq, FetchItem... items) {
        Wire w = new Wire();
        FetchEncoder.fetch(w.writer, seq, List.of(items));
        return w.text();
    }

    @Test
    void flagsAndUid() {
        assertEquals("* 23 FETCH (FLAGS (\\Seen) UID 4827313)\r\n",
                fetch(23, new FetchItem.Flags(List.of("\\Seen")), new FetchItem.Uid(4827313)));
        assertEquals("* 1 FETCH (FLAGS ())\r\n", fetch(1, new FetchItem.Flags(List.of())));
    }

    @Test
    void internalDateSizeAndModSeq() {
        ZonedDateTime date = ZonedDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7));
        assertEquals("* 12 FETCH (INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 MODSEQ (12121231000))\r\n",
                fetch(12, new FetchItem.InternalDate(date), new FetchItem.Rfc822Size(4286), new FetchItem.ModSeq(12121231000L)));
        assertEquals("\"01-Feb-2004 23:59:59 +0130\"",
                FetchEncoder.dateTime(ZonedDateTime.of(2004, 2, 1, 23, 59, 59, 0, ZoneOffset.ofHoursMinutes(1, 30))));
    }

    @Test
    void envelopeAndStructureAsGiven() {
        String envelope = "(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" NIL NIL NIL NIL NIL NIL NIL \"<B27397-0100000@cac.washington.edu>\")";
        String body = "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92)";
        assertEquals("* 12 FETCH (ENVELOPE " + envelope + " BODY " + body + " BODYSTRUCTURE " + body + ")\r\n",
                fetch(12, new FetchItem.Envelope(envelope), new FetchItem.Structure(false, body),
                        new FetchItem.Structure(true, body)));
    }

    @Test
    void sectionsAsLiteralsOrNil() {
        assertEquals("* 12 FETCH (BODY[HEADER] {21}\r\nSubject: hi\r\nX: y\r\n\r\n UID 9)\r\n",
                fetch(12, new FetchItem.SectionData("BODY[HEADER]", content("Subject: hi\r\nX: y\r\n\r\n", false)),
                        new FetchItem.Uid(9)));
        assertEquals("* 3 FETCH (BODY[4.2] NIL)\r\n", fetch(3, new FetchItem.SectionData("BODY[4.2]", null)));
        assertEquals("* 3 FETCH (BINARY[1] ~{3}\r\na\0b BINARY.SIZE[1] 3)\r\n",
                fetch(3, new FetchItem.SectionData("BINARY[1]", content("a\0b", true)), new FetchItem.BinarySize("BINARY.SIZE[1]", 3)));
    }

    @Test
    void sectionLabelsFollowTheRequest() {
        assertEquals("BODY[]", SectionLabels.of(new FetchAttribute.Body(Section.whole(), true, null)));
        assertEquals("BODY[]<0>", SectionLabels.of(new FetchAttribute.Body(Section.whole(), true, new FetchAttribute.Partial(0, 2048))));
        assertEquals("BODY[HEADER.FIELDS (DATE FROM)]", SectionLabels.of(new FetchAttribute.Body(
                new Section(List.of(), Section.Text.HEADER_FIELDS, List.of("Date", "From")), false, null)));
        assertEquals("BODY[4.2.HEADER.FIELDS.NOT (RECEIVED)]<100>", SectionLabels.of(new FetchAttribute.Body(
                new Section(List.of(4, 2), Section.Text.HEADER_FIELDS_NOT, List.of("Received")), false,
                new FetchAttribute.Partial(100, 10))));
        assertEquals("BODY[1.MIME]", SectionLabels.of(new FetchAttribute.Body(
                new Section(List.of(1), Section.Text.MIME, List.of()), false, null)));
        assertEquals("BODY[2]", SectionLabels.of(new FetchAttribute.Body(
                new Section(List.of(2), Section.Text.NONE, List.of()), false, null)));
        assertEquals("RFC822.HEADER", SectionLabels.of(new FetchAttribute.Body(Section.of(Section.Text.HEADER), true, null, "RFC822.HEADER")));
        assertEquals("BINARY[1.2]<5>", SectionLabels.of(new FetchAttribute.Binary(List.of(1, 2), true, new FetchAttribute.Partial(5, 1))));
        assertEquals("BINARY[]", SectionLabels.of(new FetchAttribute.Binary(List.of(), false, null)));
        assertEquals("BINARY.SIZE[3]", SectionLabels.of(new FetchAttribute.BinarySize(List.of(3))));
    }
}
