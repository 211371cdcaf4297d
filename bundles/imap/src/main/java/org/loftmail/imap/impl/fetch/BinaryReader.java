package org.loftmail.imap.impl.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MimePart;
import org.loftmail.imap.impl.encode.FetchItem;
import org.loftmail.imap.impl.request.FetchAttribute;

/**
 * {@code BINARY[part]} and {@code BINARY.SIZE[part]} (RFC 3516): the part's body with its
 * Content-Transfer-Encoding undone (base64 and quoted-printable through mime4j's decoders).
 */
public final class BinaryReader {

    /** The part's Content-Transfer-Encoding is one Loft cannot undo: {@code NO [UNKNOWN-CTE]}. */
    public static final class UnknownEncodingException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownEncodingException(String cte) {
            super("Unknown Content-Transfer-Encoding " + cte);
        }
    }

    private static final int MAX_DECODED = 64 << 20;

    private BinaryReader() {
    }

    /** The decoded part, or null when there is no such part. */
    public static FetchItem.Content read(MessageContent m, List<Integer> path, FetchAttribute.Partial partial)
            throws IOException, UnknownEncodingException {
        Decoded d = decode(m, path);
        if (d == null) {
            return null;
        }
        byte[] decoded = d.bytes();
        int from = partial == null ? 0 : (int) Math.min(partial.offset(), decoded.length);
        int len = partial == null ? decoded.length : (int) Math.min(partial.count(), decoded.length - from);
        byte[] slice = java.util.Arrays.copyOfRange(decoded, from, from + len);
        boolean hasNul = false;
        for (byte b : slice) {
            if (b == 0) {
                hasNul = true;
                break;
            }
        }
        boolean binary = hasNul || d.encoded(); // Dovecot sends decoded base64/QP as literal8
        return new FetchItem.Content() {
            @Override
            public long size() {
                return slice.length;
            }

            @Override
            public boolean binary() {
                return binary;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(slice);
            }
        };
    }

    /** The size of the decoded part, or -1 when there is no such part. */
    public static long size(MessageContent m, List<Integer> path) throws IOException, UnknownEncodingException {
        Decoded d = decode(m, path);
        return d == null ? -1 : d.bytes().length;
    }

    private record Decoded(byte[] bytes, boolean encoded) {
    }

    private static Decoded decode(MessageContent m, List<Integer> path) throws IOException, UnknownEncodingException {
        MimePart p;
        if (path.isEmpty()) {
            p = m.root();
        } else {
            Optional<MimePart> found = Parts.find(m, path);
            if (found.isEmpty()) {
                return null;
            }
            p = found.get();
        }
        byte[] header;
        try (InputStream in = m.open(p.headerStart(), p.headerLength())) {
            header = in.readAllBytes();
        }
        String cte = "7bit";
        for (HeaderFields.Field f : HeaderFields.parse(header)) {
            if (f.name().equalsIgnoreCase("Content-Transfer-Encoding")) {
                cte = new String(f.value(), StandardCharsets.ISO_8859_1).trim().toLowerCase(Locale.ROOT);
            }
        }
        try (InputStream raw = m.open(p.bodyStart(), p.bodyLength())) {
            InputStream in = switch (cte) {
                case "7bit", "8bit", "binary", "" -> raw;
                case "base64" -> new Base64InputStream(raw, DecodeMonitor.SILENT);
                case "quoted-printable" -> new QuotedPrintableInputStream(raw, DecodeMonitor.SILENT);
                default -> throw new UnknownEncodingException(cte);
            };
            return new Decoded(in.readNBytes(MAX_DECODED), in != raw);
        }
    }
}
