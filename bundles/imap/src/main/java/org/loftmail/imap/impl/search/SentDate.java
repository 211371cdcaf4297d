package org.loftmail.imap.impl.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The date part of a {@code Date:} header (RFC 5322 3.3) as written, in the header's own zone:
 * SENTBEFORE, SENTON and SENTSINCE disregard time and timezone (RFC 3501 6.4.4), so
 * {@code Mon, 1 Jan 2024 23:30:00 -1200} is on 1 January 2024. Comments and the day name are
 * skipped; the day, month name and year must be there, what follows them is not checked. Two- and
 * three-digit years are read as RFC 5322 4.3 says.
 */
final class SentDate {

    /**
     * What Dovecot 2.3 takes when a message has no Date: field or one it cannot parse: the time
     * 0, so 1 January 1970 (SENTBEFORE any later date matches such a message).
     */
    static final LocalDate MISSING = LocalDate.of(1970, 1, 1);

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");

    private SentDate() {
    }

    /** The date of the first Date: field, or {@link #MISSING}. */
    static LocalDate of(List<HeaderField> header) {
        for (HeaderField f : header) {
            if (f.name().equalsIgnoreCase("Date")) {
                LocalDate d = parse(f.value());
                return d == null ? MISSING : d;
            }
        }
        return MISSING;
    }

    /** The date part of an RFC 5322 date-time, or null. */
    static LocalDate parse(String value) {
        String[] tokens = withoutComments(value).replace(',', ' ').trim().split("[ \t]+");
        int i = 0;
        if (i < tokens.length && !tokens[i].isEmpty() && Character.isLetter(tokens[i].charAt(0))) {
            i++; // day-of-week
        }
        if (i + 3 > tokens.length) {
            return null;
        }
        try {
            int day = digits(tokens[i], 1, 2);
            int month = MONTHS.indexOf(tokens[i + 1].length() >= 3
                    ? tokens[i + 1].substring(0, 3).toUpperCase(Locale.ROOT) : "") + 1;
            String y = tokens[i + 2];
            int year = digits(y, 2, 4);
            if (day < 0 || month == 0 || year < 0) {
                return null;
            }
            if (y.length() == 2) {
                year += year < 50 ? 2000 : 1900;
            } else if (y.length() == 3) {
                year += 1900;
            }
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String withoutComments(String s) {
        if (s.indexOf('(') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && depth > 0) {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                if (--depth == 0) {
                    out.append(' ');
                }
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
