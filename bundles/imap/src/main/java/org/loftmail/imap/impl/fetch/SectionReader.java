package org.loftmail.imap.impl.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MimePart;
import org.loftmail.imap.impl.encode.FetchItem;
import org.loftmail.imap.impl.request.FetchAttribute;
import org.loftmail.imap.impl.request.Section;

/**
 * The bytes of {@code BODY[section]<partial>} (RFC 3501 6.4.5): found through the storage's MIME
 * part offsets, streamed from the message, never read whole except for header blocks.
 */
public final class SectionReader {

    private static final int MAX_HEADER = 1 << 20;

    private SectionReader() {
    }

    /** The content of a section, or null (NIL) when the part does not exist. */
    public static FetchItem.Content read(MessageContent message, Section section, FetchAttribute.Partial partial)
            throws IOException {
        Range r = locate(message, section);
        if (r == null) {
            return partial == null ? empty() : empty();
        }
        return r.slice(partial);
    }

    private static Range locate(MessageContent m, Section s) throws IOException {
        List<Integer> path = s.part();
        if (path.isEmpty()) {
            return switch (s.text()) {
                case NONE -> new Range(m, 0, m.size(), null);
                case HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT -> headerOf(m, 0, s);
                case TEXT -> {
                    MimePart root = m.root();
                    yield new Range(m, root.bodyStart(), root.end() - root.bodyStart(), null);
                }
                case MIME -> null;
            };
        }
        Optional<MimePart> found = Parts.find(m, path);
        if (found.isEmpty()) {
            return null;
        }
        MimePart p = found.get();
        return switch (s.text()) {
            case NONE -> new Range(m, p.bodyStart(), p.bodyLength(), null);
            case MIME -> new Range(m, p.headerStart(), p.headerLength(), null);
            case HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT -> headerOf(m, p.bodyStart(), s);
            case TEXT -> {
                byte[] h = readHeader(m, p.bodyStart(), p.end());
                long start = p.bodyStart() + h.length;
                yield new Range(m, start, Math.max(0, p.end() - start), null);
            }
        };
    }

    /** The header block (a message/rfc822 part's embedded header when {@code at > 0}). */
    private static Range headerOf(MessageContent m, long at, Section s) throws IOException {
        byte[] h = at == 0 ? readAll(m.header()) : readHeader(m, at, m.size());
        byte[] data = switch (s.text()) {
            case HEADER_FIELDS -> HeaderFields.select(h, s.fields(), false);
            case HEADER_FIELDS_NOT -> HeaderFields.select(h, s.fields(), true);
            default -> h;
        };
        return new Range(m, 0, data.length, data);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readNBytes(MAX_HEADER);
        }
    }

    /** Reads a header block starting at {@code from}, up to and including its empty line. */
    static byte[] readHeader(MessageContent m, long from, long end) throws IOException {
        try (InputStream in = m.open(from, Math.min(MAX_HEADER, end - from))) {
            byte[] b = in.readAllBytes();
            int i = 0;
            while (i < b.length) {
                if (b[i] == '\n') {
                    return java.util.Arrays.copyOf(b, i + 1); // empty line at the start: no header
                }
                if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
                    return java.util.Arrays.copyOf(b, i + 2);
                }
                // skip to the end of this line
                while (i < b.length && b[i] != '\n') {
                    i++;
                }
                i++;
            }
            return b;
        }
    }

    private static FetchItem.Content empty() {
        return bytes(new byte[0]);
    }

    public static FetchItem.Content bytes(byte[] data) {
        return new FetchItem.Content() {
            @Override
            public long size() {
                return data.length;
            }

            @Override
            public boolean binary() {
                return false;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(data);
            }
        };
    }

    /** A byte range of the message, or in-memory data. */
    private record Range(MessageContent m, long start, long length, byte[] data) {

        FetchItem.Content slice(FetchAttribute.Partial p) {
            long from = p == null ? 0 : Math.min(p.offset(), length);
            long len = p == null ? length : Math.min(p.count(), length - from);
            if (data != null) {
                return bytes(java.util.Arrays.copyOfRange(data, (int) from, (int) (from + len)));
            }
            long offset = start + from;
            return new FetchItem.Content() {
                @Override
                public long size() {
                    return len;
                }

                @Override
                public boolean binary() {
                    return false;
                }

                @Override
                public InputStream open() throws IOException {
                    return m.open(offset, len);
                }
            };
        }
    }
}
