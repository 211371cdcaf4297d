package org.loftmail.imap.impl.decode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * {@code date = date-text / DQUOTE date-text DQUOTE}, {@code date-text = date-day "-" date-month
 * "-" date-year} and {@code date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time
 * SP zone DQUOTE} (RFC 3501 9).
 */
final class DateParser {

    static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL",
            "AUG", "SEP", "OCT", "NOV", "DEC");

    private DateParser() {
    }

    static LocalDate date(ImapReader reader) throws ParseException {
        String text = reader.peek() == '"' ? reader.quoted() : reader.atom();
        LocalDate date = dateText(text, false);
        if (date == null) {
            throw new ParseException("Invalid date");
        }
        return date;
    }

    static OffsetDateTime dateTime(ImapReader reader) throws ParseException {
        if (reader.peek() != '"') {
            throw new ParseException("Invalid date-time");
        }
        String s = reader.quoted();
        // "dd-Mon-yyyy hh:mm:ss +zzzz": 26 characters with a two-character day
        if (s.length() != 26 || s.charAt(11) != ' ' || s.charAt(20) != ' ') {
            throw new ParseException("Invalid date-time");
        }
        LocalDate date = dateText(s.substring(0, 11), true);
        String time = s.substring(12, 20);
        String zone = s.substring(21);
        if (date == null || !time.matches("\\d\\d:\\d\\d:\\d\\d") || !zone.matches("[+-]\\d{4}")) {
            throw new ParseException("Invalid date-time");
        }
        try {
            int zh = Integer.parseInt(zone.substring(1, 3));
            int zm = Integer.parseInt(zone.substring(3));
            int sign = zone.charAt(0) == '-' ? -1 : 1;
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * zh, sign * zm);
            return OffsetDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                    Integer.parseInt(time.substring(0, 2)), Integer.parseInt(time.substring(3, 5)),
                    Integer.parseInt(time.substring(6)), 0, offset);
        } catch (DateTimeException e) {
            throw new ParseException(null, "Invalid date-time", e);
        }
    }

    /** Parses date-text; with {@code fixed} the day is SP DIGIT or 2DIGIT. Null when invalid. */
    private static LocalDate dateText(String s, boolean fixed) {
        String[] f = s.split("-", -1);
        if (f.length != 3) {
            return null;
        }
        String day = fixed && f[0].startsWith(" ") ? f[0].substring(1) : f[0];
        boolean dayOk = fixed ? f[0].length() == 2 : day.length() == 1 || day.length() == 2;
        int month = MONTHS.indexOf(f[1].toUpperCase(Locale.ROOT));
        if (!dayOk || !day.matches("\\d+") || month < 0 || !f[2].matches("\\d{4}")) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(f[2]), month + 1, Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
