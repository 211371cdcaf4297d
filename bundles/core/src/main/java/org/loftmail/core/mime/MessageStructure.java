package org.loftmail.core.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.loftmail.core.mime.impl.StructureRenderer;

/**
 * The IMAP ENVELOPE, BODY and BODYSTRUCTURE of one message (RFC 3501 section 7.4.2), as the
 * text that goes inside the parentheses of {@code ENVELOPE (...)}, {@code BODY (...)} and
 * {@code BODYSTRUCTURE (...)}, byte for byte what Dovecot 2.3 answers for the same message.
 *
 * <p>The strings are ISO-8859-1: each char is one octet of the wire form (8-bit header text
 * travels in literals whose length counts octets), so write them with {@link #toWire}.
 * Instances are immutable and thread-safe.
 */
public record MessageStructure(String envelope, String body, String bodyStructure) {
    public MessageStructure {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bodyStructure, "bodyStructure");
    }

    /**
     * Parses a whole RFC 5322 message (CRLF or LF line endings) with Apache James mime4j.
     * Reads the stream to its end and keeps the message in memory while parsing; does not
     * close the stream. Never fails on broken MIME: it reports what Dovecot would.
     *
     * @throws IOException when reading the stream fails
     */
    public static MessageStructure parse(InputStream message) throws IOException {
        return StructureRenderer.render(message.readAllBytes());
    }

    /** The octets of an IMAP wire string produced here. */
    public static byte[] toWire(String imapText) {
        return imapText.getBytes(StandardCharsets.ISO_8859_1);
    }
}
