package org.loftmail.imap.impl.fetch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A message header split into fields, each kept as its raw lines (for HEADER.FIELDS) and as an
 * unfolded value (for SORT, THREAD).
 */
public final class HeaderFields {

    /**
     * @param name  the field name as written
     * @param raw   the field's lines exactly as in the message, including their line ends
     * @param value the value after the colon, unfolded, trimmed
     */
    public record Field(String name, byte[] raw, byte[] value) {
    }

    private HeaderFields() {
    }

    /** The fields of a header block (which may include the empty line that ends it). */
    public static List<Field> parse(byte[] header) {
        List<Field> out = new ArrayList<>();
        int i = 0;
        int n = header.length;
        while (i < n) {
            int lineEnd = lineEnd(header, i);
            if (lineEnd == i || isBlank(header, i, lineEnd)) {
                break; // the empty line ending the header
            }
            int start = i;
            i = next(header, lineEnd);
            while (i < n && (header[i] == ' ' || header[i] == '\t')) {
                i = next(header, lineEnd(header, i));
            }
            out.add(field(header, start, i));
        }
        return out;
    }

    /**
     * {@code BODY[HEADER.FIELDS (...)]} and {@code .NOT}: the matching fields in message order,
     * followed by an empty line (RFC 3501 6.4.5).
     */
    public static byte[] select(byte[] header, List<String> names, boolean not) {
        Set<String> wanted = new java.util.HashSet<>();
        names.forEach(n -> wanted.add(n.toLowerCase(Locale.ROOT)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : parse(header)) {
            if (wanted.contains(f.name().toLowerCase(Locale.ROOT)) != not) {
                out.writeBytes(f.raw());
                if (!endsWithNewline(f.raw())) {
                    out.writeBytes(new byte[] {'\r', '\n'});
                }
            }
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        return out.toByteArray();
    }

    private static Field field(byte[] h, int start, int end) {
        byte[] raw = java.util.Arrays.copyOfRange(h, start, end);
        int colon = start;
        while (colon < end && h[colon] != ':') {
            colon++;
        }
        String name = new String(h, start, colon - start, StandardCharsets.ISO_8859_1).trim();
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        for (int i = Math.min(colon + 1, end); i < end; i++) {
            if (h[i] != '\r' && h[i] != '\n') {
                v.write(h[i]);
            }
        }
        byte[] value = new String(v.toByteArray(), StandardCharsets.ISO_8859_1).trim()
                .getBytes(StandardCharsets.ISO_8859_1);
        return new Field(name, raw, value);
    }

    private static int lineEnd(byte[] h, int i) {
        while (i < h.length && h[i] != '\n' && h[i] != '\r') {
            i++;
        }
        return i;
    }

    private static int next(byte[] h, int lineEnd) {
        int i = lineEnd;
        if (i < h.length && h[i] == '\r') {
            i++;
        }
        if (i < h.length && h[i] == '\n') {
            i++;
        }
        return i;
    }

    private static boolean isBlank(byte[] h, int from, int to) {
        return from == to;
    }

    private static boolean endsWithNewline(byte[] raw) {
        return raw.length > 0 && raw[raw.length - 1] == '\n';
    }
}
