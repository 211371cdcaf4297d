package org.loftmail.imap.impl.session;

import java.util.Locale;
import org.loftmail.core.imap.ModifiedUtf7;

/**
 * Mailbox names between the wire (modified UTF-7, RFC 3501 5.1.3) and storage (Unicode). INBOX is
 * case-insensitive, also as the first level of a hierarchy ({@code inbox/Sub}).
 */
public final class WireNames {

    private WireNames() {
    }

    /**
     * The storage name of a name the client sent.
     *
     * @throws IllegalArgumentException when it is not valid modified UTF-7
     */
    public static String fromWire(String wire, char separator) {
        String name = ModifiedUtf7.decode(wire);
        return normalizeInbox(name, separator);
    }

    /** The wire form of a storage name. */
    public static String toWire(String name) {
        return ModifiedUtf7.encode(name);
    }

    static String normalizeInbox(String name, char separator) {
        if (name.length() >= 5 && name.substring(0, 5).equalsIgnoreCase("INBOX")
                && (name.length() == 5 || name.charAt(5) == separator)) {
            return "INBOX" + name.substring(5);
        }
        return name;
    }

    public static boolean isInbox(String name) {
        return name.toUpperCase(Locale.ROOT).equals("INBOX");
    }
}
