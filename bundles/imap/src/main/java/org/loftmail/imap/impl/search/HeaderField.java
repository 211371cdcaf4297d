package org.loftmail.imap.impl.search;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * One header field as search compares it: the name as written, and the value unfolded (each
 * line break with the blank after it becomes one space), trimmed and RFC 2047-decoded. 8-bit
 * octets are read as UTF-8, or as ISO-8859-1 when they are not valid UTF-8 (Dovecot replaces
 * them instead, so it never finds "straße" in a Latin-1 header).
 *
 * @param raw the value unfolded and trimmed but not RFC 2047-decoded
 */
record HeaderField(String name, String value, String raw) {

    HeaderField(String name, String value) {
        this(name, value, value);
    }

    /** The field from its raw octets (name, colon, value with folding); null without a colon. */
    static HeaderField parse(byte[] octets) {
        String line = decode(octets);
        int colon = line.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String name = line.substring(0, colon).strip();
        String value = unfold(line.substring(colon + 1)).strip();
        return new HeaderField(name, decodeWords(value), value);
    }

    /** RFC 2047 encoded words decoded. */
    static String decodeWords(String s) {
        return s.contains("=?") ? DecoderUtil.decodeEncodedWords(s, DecodeMonitor.SILENT) : s;
    }

    /** The field as TEXT sees it: {@code Name: value}. */
    String line() {
        return name + ": " + value;
    }

    private static String decode(byte[] raw) {
        boolean ascii = true;
        for (byte b : raw) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(raw, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }

    private static String unfold(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                int j = i;
                if (c == '\r' && j + 1 < n && s.charAt(j + 1) == '\n') {
                    j++;
                }
                if (j + 1 < n && (s.charAt(j + 1) == ' ' || s.charAt(j + 1) == '\t')) {
                    j++;
                }
                out.append(' ');
                i = j;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
