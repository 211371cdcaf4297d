package org.loftmail.storage.maildir.impl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * IMAP modified UTF-7 (RFC 3501 section 5.1.3), the form Dovecot gives folder names on disk
 * unless the location says {@code :UTF-8}.
 */
final class ModifiedUtf7 {
    private static final Base64.Encoder ENC = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getDecoder();

    private ModifiedUtf7() {
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < text.length() && (text.charAt(end) < 0x20 || text.charAt(end) > 0x7e)) {
                    end++;
                }
                byte[] utf16 = text.substring(i, end).getBytes(StandardCharsets.UTF_16BE);
                out.append('&').append(ENC.encodeToString(utf16).replace('/', ',')).append('-');
                i = end;
            }
        }
        return out.toString();
    }

    static String decode(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int dash = c == '&' ? text.indexOf('-', i) : -1;
            if (c != '&') {
                out.append(c);
                i++;
            } else if (dash < 0) {
                throw new IllegalArgumentException("unterminated '&' in modified UTF-7: " + text);
            } else if (dash == i + 1) {
                out.append('&');
                i += 2;
            } else {
                byte[] utf16 = DEC.decode(text.substring(i + 1, dash).replace(',', '/'));
                out.append(StandardCharsets.UTF_16BE.decode(ByteBuffer.wrap(utf16)));
                i = dash + 1;
            }
        }
        return out.toString();
    }
}
