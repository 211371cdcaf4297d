package org.loftmail.imap.impl.encode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
            item(w, item);
        }
        w.close().end();
    }

    private static void item(ResponseWriter w, FetchItem item) {
        switch (item) {
            case FetchItem.Flags f -> {
                w.atom("FLAGS").open();
                f.flags().forEach(w::atom);
                w.close();
            }
            case FetchItem.Uid u -> w.atom("UID").number(u.uid());
            case FetchItem.InternalDate d -> w.atom("INTERNALDATE").atom(dateTime(d.date()));
            case FetchItem.Rfc822Size s -> w.atom("RFC822.SIZE").number(s.size());
            case FetchItem.ModSeq m -> w.atom("MODSEQ").open().number(m.modSeq()).close();
            case FetchItem.Envelope e -> w.atom("ENVELOPE").octets(e.formatted());
            case FetchItem.Structure s -> w.atom(s.extensible() ? "BODYSTRUCTURE" : "BODY").octets(s.formatted());
            case FetchItem.BinarySize b -> w.atom(b.label()).number(b.size());
            case FetchItem.SectionData s -> section(w, s);
        }
    }

    private static void section(ResponseWriter w, FetchItem.SectionData s) {
        w.atom(s.label());
        if (s.content() == null) {
            w.nil();
            return;
        }
        try (InputStream in = s.content().open()) {
            w.literal(in, s.content().size(), s.content().binary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The quoted {@code date-time} of a date. */
    public static String dateTime(ZonedDateTime date) {
        String text = DATE_TIME.format(date);
        // month abbreviations in Locale.ROOT are "Jan".."Dec" as RFC 3501 wants
        return "\"" + text + "\"";
    }
}
