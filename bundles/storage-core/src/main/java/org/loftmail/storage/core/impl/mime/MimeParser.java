package org.loftmail.storage.core.impl.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loftmail.api.storage.MimePart;

/**
 * A simple MIME boundary walker (RFC 2045/2046): finds entity offsets in one streaming pass,
 * keeping only offsets and content types in memory. It is the hook a full MIME parser (mime4j,
 * planned for IMAP BODYSTRUCTURE) can replace; it does not decode anything.
 */
public final class MimeParser {

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary\\s*=\\s*(\"([^\"]*)\"|([^;\\s]+))");
    private static final int MAX_DEPTH = 50;

    private final LineReader reader;
    private final Deque<String> boundaries = new ArrayDeque<>();

    private MimeParser(InputStream in) {
        this.reader = new LineReader(in);
    }

    /** Header and body range of the whole message of {@code size} octets; reads only its header. */
    public static MimePart root(InputStream message, long size) throws IOException {
        MimeParser p = new MimeParser(message);
        MimeNode n = new MimeNode(0);
        p.header(n);
        return new MimePart("", 0, n.bodyStart, Math.max(size, n.bodyStart));
    }

    /** The part with IMAP number {@code number} ({@code 1}, {@code 2.1}, ...). */
    public static Optional<MimePart> find(InputStream message, String number) throws IOException {
        MimeParser p = new MimeParser(message);
        MimeNode node = p.entity(0, 0);
        boolean top = true;
        for (String seg : number.split("\\.", -1)) {
            int i;
            try {
                i = Integer.parseInt(seg);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            var parts = top ? node.messageParts() : node.imapParts();
            top = false;
            if (i < 1 || i > parts.size()) {
                return Optional.empty();
            }
            node = parts.get(i - 1);
        }
        return Optional.of(new MimePart(number, node.headerStart, node.bodyStart, node.end));
    }

    private MimeNode entity(long start, int depth) throws IOException {
        MimeNode n = new MimeNode(start);
        header(n);
        if (depth < MAX_DEPTH && n.isMultipart()) {
            multipart(n, depth);
        } else if (depth < MAX_DEPTH && n.isMessage()) {
            MimeNode inner = entity(n.bodyStart, depth + 1);
            n.children.add(inner);
            n.end = inner.end;
        } else {
            n.end = skipToBoundary(n.bodyStart);
        }
        return n;
    }

    private void header(MimeNode n) throws IOException {
        StringBuilder field = new StringBuilder();
        LineReader.Line line;
        while ((line = reader.next()) != null && !line.text().isEmpty()) {
            if (isBoundary(line.text()) != 0) {
                reader.pushBack(line);
                break;
            }
            if (line.text().charAt(0) == ' ' || line.text().charAt(0) == '\t') {
                field.append(line.text());
                continue;
            }
            contentType(n, field.toString());
            field.setLength(0);
            field.append(line.text());
        }
        contentType(n, field.toString());
        n.bodyStart = reader.offset();
    }

    private static void contentType(MimeNode n, String field) {
        if (!field.regionMatches(true, 0, "content-type:", 0, 13)) {
            return;
        }
        String value = field.substring(13).trim();
        int semi = value.indexOf(';');
        n.contentType = (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        Matcher m = BOUNDARY.matcher(value);
        if (m.find()) {
            n.boundary = m.group(2) != null ? m.group(2) : m.group(3);
        }
    }

    private void multipart(MimeNode n, int depth) throws IOException {
        boundaries.push(n.boundary);
        try {
            LineReader.Line line;
            long end = n.bodyStart;
            boolean closed = false;
            while ((line = reader.next()) != null) {
                int kind = isBoundary(line.text());
                if (kind == 0) {
                    end = line.next();
                    continue;
                }
                if (!line.text().startsWith("--" + n.boundary)) {
                    reader.pushBack(line);
                    break;
                }
                if (kind == 2 || closed) {
                    closed = true;
                    end = line.next();
                    continue;
                }
                MimeNode child = entity(line.next(), depth + 1);
                n.children.add(child);
                end = reader.offset();
            }
            n.end = end;
        } finally {
            boundaries.pop();
        }
    }

    /** Reads to the next boundary line of any enclosing multipart; returns where the body ends. */
    private long skipToBoundary(long bodyStart) throws IOException {
        long end = bodyStart;
        lastBreak = 0;
        LineReader.Line line;
        while ((line = reader.next()) != null) {
            if (isBoundary(line.text()) != 0) {
                reader.pushBack(line);
                return Math.max(bodyStart, line.start() - lastBreak);
            }
            end = line.next();
            lastBreak = line.breakLength();
        }
        return end;
    }

    private int lastBreak;

    /** 0: not a boundary of an enclosing multipart; 1: a boundary; 2: a closing boundary. */
    private int isBoundary(String text) {
        if (!text.startsWith("--")) {
            return 0;
        }
        for (String b : boundaries) {
            if (text.startsWith("--" + b)) {
                String rest = text.substring(2 + b.length());
                if (rest.startsWith("--")) {
                    return 2;
                }
                if (rest.isBlank()) {
                    return 1;
                }
            }
        }
        return 0;
    }
}
