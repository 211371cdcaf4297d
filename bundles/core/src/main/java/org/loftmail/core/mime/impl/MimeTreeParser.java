package org.loftmail.core.mime.impl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * Builds the {@link MimePart} tree of a message with mime4j's token stream. mime4j finds the
 * part boundaries; header semantics follow Dovecot. message/rfc822 bodies are read raw and
 * parsed again as messages of their own, so their sizes are exact.
 */
final class MimeTreeParser {
    private static final MimeConfig CONFIG = new MimeConfig.Builder()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxContentLen(-1)
            .setMalformedHeaderStartsBody(false)
            .build();

    private MimeTreeParser() {
    }

    /** Parses a whole message into its part tree, sizes as Dovecot reports them. */
    static MimePart parseMessage(byte[] message) throws IOException {
        MimePart root = parse(message, null);
        BoundaryNewlines.apply(root);
        return root;
    }

    private static MimePart parse(byte[] message, MimePart parent) throws IOException {
        MimeTokenStream stream = new MimeTokenStream(CONFIG, new DovecotBodyDescriptors(parent != null && parent.digest));
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(new ByteArrayInputStream(message));
        Deque<MimePart> stack = new ArrayDeque<>();
        List<MimePart> multiparts = new ArrayList<>();
        MimePart root = null;
        try {
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                switch (s) {
                    case T_START_MESSAGE, T_START_BODYPART -> {
                        MimePart part = new MimePart(stack.isEmpty() ? parent : stack.peek());
                        if (stack.isEmpty()) {
                            root = part;
                        } else {
                            stack.peek().children.add(part);
                        }
                        stack.push(part);
                    }
                    case T_FIELD -> field(stack.peek(), stream.getField().getRaw());
                    case T_END_HEADER -> {
                        stack.peek().endHeader();
                        if (stack.peek().multipart) {
                            multiparts.add(stack.peek());
                        }
                    }
                    case T_BODY -> body(stack.peek(), stream.getInputStream());
                    case T_END_BODYPART, T_END_MESSAGE -> stack.pop();
                    default -> { }
                }
            }
        } catch (MimeException e) {
            throw new IOException("MIME parse failed", e);
        }
        markClosings(multiparts, message);
        return root;
    }

    private static void field(MimePart part, ByteSequence raw) {
        String[] nv = nameValue(raw);
        if (nv != null) {
            part.acceptField(nv[0], nv[1]);
        }
    }

    /**
     * Splits a raw header field into name and value (Latin-1, folding kept, leading blanks of
     * the value skipped, NUL octets as Dovecot stores them); null without a colon.
     */
    static String[] nameValue(ByteSequence raw) {
        String line = new String(raw.toByteArray(), StandardCharsets.ISO_8859_1);
        int colon = line.indexOf(':');
        if (colon < 0) {
            return null;
        }
        int v = colon + 1;
        while (v < line.length() && (line.charAt(v) == ' ' || line.charAt(v) == '\t')) {
            v++;
        }
        if (v == line.length() || line.charAt(v) == '\r' || line.charAt(v) == '\n') {
            // a first line of only blanks: Dovecot skips just the one blank after the colon
            v = colon + 1 < line.length() && (line.charAt(colon + 1) == ' ' || line.charAt(colon + 1) == '\t')
                    ? colon + 2 : colon + 1;
        }
        return new String[] {line.substring(0, colon).stripTrailing(), line.substring(v)};
    }

    private static void body(MimePart part, InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        part.setBody(bytes);
        if (part.rfc822) {
            part.headerRunsToEnd = headerRunsToEnd(bytes);
            part.endsWithNewline = bytes.length > 0 && bytes[bytes.length - 1] == '\n';
            part.children.add(parse(bytes, part));
        }
    }

    /** True when a non-empty message has no empty line, so its header runs to its end. */
    static boolean headerRunsToEnd(byte[] m) {
        if (m.length == 0 || m[0] == '\n' || (m[0] == '\r' && m.length > 1 && m[1] == '\n')) {
            return false;
        }
        for (int i = 0; i + 1 < m.length; i++) {
            if (m[i] == '\n' && (m[i + 1] == '\n' || (m[i + 1] == '\r' && i + 2 < m.length && m[i + 2] == '\n'))) {
                return false;
            }
        }
        return true;
    }

    /** Records, for each multipart parsed from {@code region}, how its content ends. */
    private static void markClosings(List<MimePart> multiparts, byte[] region) {
        String text = new String(region, StandardCharsets.ISO_8859_1);
        for (MimePart m : multiparts) {
            String boundary = m.boundary();
            if (boundary == null) {
                m.closed = true;
                continue;
            }
            String close = "--" + boundary + "--";
            m.closed = text.startsWith(close) || text.contains("\n" + close);
            m.closedAtEnd = text.endsWith(close);
        }
    }
}
