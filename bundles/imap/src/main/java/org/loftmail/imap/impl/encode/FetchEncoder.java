package org.loftmail.imap.impl.encode;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code message-data = nz-number SP "FETCH" SP msg-att} (RFC 3501 7.4.2): writes each item in
 * the order given; section data streams into a literal.
 */
public final class FetchEncoder {

    /** {@code date-time}: "dd-Mon-yyyy hh:mm:ss +zzzz". */
    static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ROOT);

    private FetchEncoder() {
    }

    public static void fetch(ResponseWriter w, long seq, List<FetchItem> items) {
        w.untagged().number(seq).atom("FETCH").open();
        for (FetchItem item : items) {
            item.writeTo(w);
        }
        w.close().end();
    }

    /** The quoted {@code date-time} of a date. */
    public static String dateTime(ZonedDateTime date) {
        String text = DATE_TIME.format(date);
        // month abbreviations in Locale.ROOT are "Jan".."Dec" as RFC 3501 wants
        return "\"" + text + "\"";
    }
}
