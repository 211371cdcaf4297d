package org.loftmail.imap.impl.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Reads message content for search with mime4j's token stream, streaming: bodies are decoded
 * (Content-Transfer-Encoding, then the part's charset) into a {@link NeedleScanner} chunk by
 * chunk and never held whole.
 *
 * <p>What body text is, checked against Dovecot 2.3.19 without FTS: the bodies of the leaf
 * parts whose type is {@code text/*} or {@code message/*} (a missing Content-Type is text/plain),
 * transfer-decoded and converted from their charset (missing, US-ASCII or unknown charsets are
 * read as UTF-8, malformed octets replaced); HTML is searched as it is, tags included. Bodies of
 * other types (application/pdf, image/png, even 7bit application/octet-stream) are skipped
 * undecoded, and so are multipart preambles and epilogues. message/rfc822 parts are
 * parsed as messages, so their bodies are body text and their headers are headers. Header fields
 * of the message, of MIME parts (of any type) and of attached messages are seen only by TEXT.
 */
final class MessageReader {

    private static final MimeConfig CONFIG = new MimeConfig.Builder()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxContentLen(-1)
            .setMalformedHeaderStartsBody(false)
            .build();

    private MessageReader() {
    }

    /** The fields of the message header. */
    static List<HeaderField> header(InputStream header) throws IOException {
        List<HeaderField> fields = new ArrayList<>();
        MimeTokenStream stream = new MimeTokenStream(CONFIG);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(header);
        try {
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM
                    && s != EntityState.T_END_HEADER; s = stream.next()) {
                if (s == EntityState.T_FIELD) {
                    add(fields, stream.getField());
                }
            }
        } catch (MimeException e) {
            // a broken header: search what came before
        }
        return fields;
    }

    /**
     * Scans the whole message for the scanner's needles.
     *
     * @param topHeader receives the fields of the message header when not null
     */
    static void scan(InputStream message, NeedleScanner scanner, List<HeaderField> topHeader) throws IOException {
        MimeTokenStream stream = new MimeTokenStream(CONFIG);
        stream.setRecursionMode(RecursionMode.M_RECURSE);
        stream.parse(message);
        boolean inTopHeader = true;
        try {
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                if (scanner.done() && !inTopHeader) {
                    return;
                }
                switch (s) {
                    case T_FIELD -> {
                        HeaderField f = HeaderField.parse(stream.getField().getRaw().toByteArray());
                        if (f != null) {
                            if (inTopHeader && topHeader != null) {
                                topHeader.add(f);
                            }
                            scanner.header(f.line());
                        }
                    }
                    case T_END_HEADER -> inTopHeader = false;
                    case T_BODY -> {
                        BodyDescriptor body = stream.getBodyDescriptor();
                        if (textual(body.getMimeType())) {
                            scanner.body(reader(stream.getDecodedInputStream(), body.getCharset()));
                        }
                    }
                    default -> { }
                }
            }
        } catch (MimeException e) {
            // a broken message: what was searched so far is the answer
        }
    }

    /** Whether a body of this type is searched: text/* and message/* (not parsed as a message). */
    static boolean textual(String mimeType) {
        if (mimeType == null) {
            return true;
        }
        String t = mimeType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.startsWith("message/");
    }

    private static void add(List<HeaderField> fields, Field field) {
        HeaderField f = HeaderField.parse(field.getRaw().toByteArray());
        if (f != null) {
            fields.add(f);
        }
    }

    /** Body octets as text: in {@code charset}, or UTF-8 when it is missing, ASCII or unknown. */
    static Reader reader(InputStream in, String charset) {
        CharsetDecoder decoder = charset(charset).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }

    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("us-ascii") || n.equals("ascii") || n.equals("utf-8") || n.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
