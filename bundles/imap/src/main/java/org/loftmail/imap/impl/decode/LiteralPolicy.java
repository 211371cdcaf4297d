package org.loftmail.imap.impl.decode;

import java.util.Locale;
import org.loftmail.api.protocol.LiteralAnnouncement;

/**
 * Decides whether a literal may come, from the line that announced it, before any of its bytes
 * are read. APPEND messages may be as large as APPENDLIMIT (RFC 7889) and are refused with
 * {@code NO [TOOBIG]} beyond it; every other literal is a string argument, refused with BAD
 * beyond {@code maxStringLiteral}. A non-synchronizing literal over 4096 bytes is refused when
 * only LITERAL- is offered (RFC 7888 5).
 *
 * @param maxStringLiteral the largest literal for a string argument (user name, search text)
 * @param appendLimit      the largest message APPEND accepts
 * @param literalMinus     true when LITERAL- rather than LITERAL+ is advertised
 */
public record LiteralPolicy(long maxStringLiteral, long appendLimit, boolean literalMinus) {

    private static final long LITERAL_MINUS_MAX = 4096;

    /** The decision: accept, or the response line (without CRLF) that refuses. */
    public record Verdict(boolean accepted, String response) {

        static final Verdict ACCEPT = new Verdict(true, null);
    }

    public Verdict decide(LiteralAnnouncement announcement) {
        String line = announcement.lineSoFar();
        int end = line.indexOf("\r\n");
        String first = end < 0 ? line : line.substring(0, end);
        String[] words = first.split(" ", 3);
        String tag = words.length > 1 && !words[0].isEmpty() ? words[0] : "*";
        String command = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
        if (!announcement.synchronizing() && literalMinus && announcement.size() > LITERAL_MINUS_MAX) {
            return new Verdict(false, tag + " BAD Non-synchronizing literal larger than 4096 bytes (LITERAL-)");
        }
        if (command.equals("APPEND")) {
            return announcement.size() > appendLimit
                    ? new Verdict(false, tag + " NO [TOOBIG] Message larger than APPENDLIMIT " + appendLimit)
                    : Verdict.ACCEPT;
        }
        if (announcement.binary()) {
            return new Verdict(false, tag + " BAD Binary literal only allowed in APPEND");
        }
        return announcement.size() > maxStringLiteral
                ? new Verdict(false, tag + " BAD Literal too large for a string argument")
                : Verdict.ACCEPT;
    }
}
