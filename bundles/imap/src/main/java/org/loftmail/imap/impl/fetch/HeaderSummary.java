package org.loftmail.imap.impl.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The header fields SORT and THREAD need (RFC 5256), raw and unfolded.
 *
 * @param sentDate the Date field in epoch seconds, or -1 when missing or unparsable
 */
public record HeaderSummary(String subject, String from, String to, String cc, long sentDate, String messageId,
        String inReplyTo, String references) {

    static HeaderSummary parse(byte[] header) {
        String subject = null;
        String from = null;
        String to = null;
        String cc = null;
        String date = null;
        String messageId = null;
        String inReplyTo = null;
        String references = null;
        for (HeaderFields.Field f : HeaderFields.parse(header)) {
            String v = new String(f.value(), StandardCharsets.UTF_8);
            switch (f.name().toLowerCase(Locale.ROOT)) {
                case "subject" -> subject = subject == null ? v : subject;
                case "from" -> from = from == null ? v : from;
                case "to" -> to = to == null ? v : to;
                case "cc" -> cc = cc == null ? v : cc;
                case "date" -> date = date == null ? v : date;
                case "message-id" -> messageId = messageId == null ? v : messageId;
                case "in-reply-to" -> inReplyTo = inReplyTo == null ? v : inReplyTo;
                case "references" -> references = references == null ? v : references;
                default -> { }
            }
        }
        return new HeaderSummary(subject, from, to, cc, parseDate(date), messageId, inReplyTo, references);
    }

    /** The summary as {@link MessageCache} stores it: the date, then each string as length and UTF-8 (-1: null). */
    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(8 + 7 * 4 + utf8Length());
        out.putLong(sentDate);
        for (String s : strings()) {
            if (s == null) {
                out.putInt(-1);
            } else {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.putInt(b.length).put(b);
            }
        }
        return out.array();
    }

    /** What {@link #encode()} wrote, or empty when the octets are not such a summary. */
    static Optional<HeaderSummary> decode(byte[] octets) {
        try {
            ByteBuffer in = ByteBuffer.wrap(octets);
            long date = in.getLong();
            String[] s = new String[7];
            for (int i = 0; i < s.length; i++) {
                int n = in.getInt();
                if (n >= 0) {
                    s[i] = new String(octets, in.position(), n, StandardCharsets.UTF_8);
                    in.position(in.position() + n);
                }
            }
            if (in.hasRemaining()) {
                return Optional.empty();
            }
            return Optional.of(new HeaderSummary(s[0], s[1], s[2], s[3], date, s[4], s[5], s[6]));
        } catch (RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /**
     * Only the sent date of what {@link #encode()} wrote (no string decoded), or -2 when the
     * octets are not such a summary.
     */
    static long sentDateOf(byte[] octets) {
        if (octets.length < 8 + 7 * 4) {
            return -2;
        }
        ByteBuffer in = ByteBuffer.wrap(octets);
        long date = in.getLong();
        for (int i = 0; i < 7; i++) {
            if (in.remaining() < 4) {
                return -2;
            }
            int n = in.getInt();
            if (n > in.remaining()) {
                return -2;
            }
            if (n > 0) {
                in.position(in.position() + n);
            }
        }
        return in.hasRemaining() ? -2 : date;
    }

    private String[] strings() {
        return new String[] {subject, from, to, cc, messageId, inReplyTo, references};
    }

    private int utf8Length() {
        int n = 0;
        for (String s : strings()) {
            n += s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    /** An RFC 5322 date in epoch seconds, or -1. Tolerates a missing weekday and comments. */
    public static long parseDate(String value) {
        if (value == null) {
            return -1;
        }
        String v = value.replaceAll("\\([^)]*\\)", " ").trim().replaceAll("\\s+", " ");
        int comma = v.indexOf(',');
        if (comma >= 0) {
            v = v.substring(comma + 1).trim();
        }
        for (DateTimeFormatter f : FORMATS) {
            try {
                return ZonedDateTime.parse(v, f).toEpochSecond();
            } catch (DateTimeParseException e) {
                // try the next shape
            }
        }
        return -1;
    }

    private static final DateTimeFormatter[] FORMATS = {
        DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss Z", Locale.ROOT),
        DateTimeFormatter.ofPattern("d MMM yyyy HH:mm Z", Locale.ROOT),
        DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss z", Locale.ROOT),
        DateTimeFormatter.ofPattern("d MMM yy HH:mm:ss Z", Locale.ROOT),
    };
}
