package org.loftmail.imap.impl.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword /
 * flag-extension} and {@code flag-list = "(" [flag *(SP flag)] ")"} (RFC 3501 9). System flags
 * come out in their canonical spelling; unknown system flags and {@code \Recent} are refused,
 * as Dovecot does, because a client cannot set them.
 */
final class FlagParser {

    static final List<String> SYSTEM = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

    private FlagParser() {
    }

    /** One flag; {@code \*} is accepted only with {@code wildcard} (flag-perm). */
    static String flag(ImapReader reader, boolean wildcard) throws ParseException {
        if (!reader.accept('\\')) {
            return reader.atom();
        }
        if (reader.accept('*')) {
            if (!wildcard) {
                throw new ParseException("Invalid flag \\*");
            }
            return "\\*";
        }
        String name = "\\" + reader.atom();
        for (String system : SYSTEM) {
            if (system.equalsIgnoreCase(name)) {
                return system;
            }
        }
        throw new ParseException("Invalid system flag " + name.toUpperCase(Locale.ROOT));
    }

    /** A parenthesized, possibly empty flag list. */
    static List<String> flagList(ImapReader reader) throws ParseException {
        reader.expect('(');
        List<String> flags = new ArrayList<>();
        if (!reader.accept(')')) {
            do {
                flags.add(flag(reader, false));
            } while (reader.accept(' '));
            reader.expect(')');
        }
        return flags;
    }

    /** {@code store-att-flags} flags: a flag list or {@code flag *(SP flag)} without parentheses. */
    static List<String> storeFlags(ImapReader reader) throws ParseException {
        if (reader.peek() == '(') {
            return flagList(reader);
        }
        List<String> flags = new ArrayList<>();
        do {
            flags.add(flag(reader, false));
        } while (reader.accept(' '));
        return flags;
    }
}
