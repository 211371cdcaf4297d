package org.loftmail.core.imap;

import java.util.Base64;

/**
 * IMAP's modified UTF-7 for mailbox names (RFC 3501 section 5.1.3).
 *
 * <p>Printable US-ASCII other than {@code &} stands for itself, {@code &} is written
 * {@code &-}, everything else is UTF-16 in modified BASE64 ({@code ,} for {@code /}, no
 * padding) between {@code &} and {@code -}. Decoding is strict: anything a conforming encoder
 * never produces is rejected, so every accepted name has exactly one encoding. Stateless and
 * thread-safe.
 */
public final class ModifiedUtf7 {
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private ModifiedUtf7() {
    }

    /** Encodes a mailbox name. Unpaired surrogates are rejected. */
    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (isDirect(c)) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < name.length() && !isDirect(name.charAt(end)) && name.charAt(end) != '&') {
                    end++;
                }
                checkSurrogates(name, i, end);
                out.append('&').append(base64(name.substring(i, end))).append('-');
                i = end;
            }
        }
        return out.toString();
    }

    /**
     * Decodes a mailbox name.
     *
     * @throws IllegalArgumentException with the offending position when {@code encoded} is not
     *     canonical modified UTF-7
     */
    public static String decode(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        int i = 0;
        boolean lastWasShift = false;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (!isDirect(c) && c != '&') {
                throw invalid(encoded, i, "character outside printable US-ASCII");
            }
            if (c != '&') {
                out.append(c);
                i++;
                lastWasShift = false;
                continue;
            }
            int end = encoded.indexOf('-', i + 1);
            if (end < 0) {
                throw invalid(encoded, i, "'&' without closing '-'");
            }
            if (end == i + 1) {
                out.append('&');
                i = end + 1;
                lastWasShift = false;
                continue;
            }
            if (lastWasShift) {
                throw invalid(encoded, i, "two adjacent encoded runs (should be one)");
            }
            out.append(unbase64(encoded, i + 1, end));
            i = end + 1;
            lastWasShift = true;
        }
        return out.toString();
    }

    private static boolean isDirect(char c) {
        return c >= 0x20 && c <= 0x7e && c != '&';
    }

    private static String base64(String run) {
        byte[] utf16 = new byte[run.length() * 2];
        for (int k = 0; k < run.length(); k++) {
            utf16[2 * k] = (byte) (run.charAt(k) >> 8);
            utf16[2 * k + 1] = (byte) run.charAt(k);
        }
        return ENCODER.encodeToString(utf16).replace('/', ',');
    }

    private static String unbase64(String s, int from, int to) {
        String b64 = s.substring(from, to);
        for (int k = 0; k < b64.length(); k++) {
            char c = b64.charAt(k);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == ',';
            if (!ok) {
                throw invalid(s, from + k, "'" + c + "' is not modified BASE64");
            }
        }
        int bits = b64.length() * 6;
        if (bits % 16 >= 6) {
            throw invalid(s, to, "encoded run does not end on a UTF-16 unit");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(b64.replace(',', '/'));
        } catch (IllegalArgumentException e) {
            throw invalid(s, from, "bad BASE64 length");
        }
        if (!ENCODER.encodeToString(bytes).replace('/', ',').equals(b64)) {
            throw invalid(s, to - 1, "non-zero padding bits");
        }
        StringBuilder run = new StringBuilder(bytes.length / 2);
        for (int k = 0; k + 1 < bytes.length; k += 2) {
            char c = (char) (((bytes[k] & 0xff) << 8) | (bytes[k + 1] & 0xff));
            if (isDirect(c) || c == '&') {
                throw invalid(s, from, "printable US-ASCII must not be encoded");
            }
            run.append(c);
        }
        checkSurrogates(run, 0, run.length());
        return run.toString();
    }

    private static void checkSurrogates(CharSequence s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < to && Character.isLowSurrogate(s.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired UTF-16 surrogate at " + k);
            }
        }
    }

    private static IllegalArgumentException invalid(String s, int pos, String why) {
        return new IllegalArgumentException("invalid modified UTF-7 mailbox name at " + pos + ": " + why
                + " in \"" + s + "\"");
    }
}
