package org.loftmail.storage.core.impl.name;

import java.util.regex.Pattern;

/**
 * An IMAP LIST pattern (RFC 3501 6.3.8): {@code *} matches anything, {@code %} anything but the
 * hierarchy separator ({@code /} unless given). A leading {@code INBOX} matches case-insensitively.
 */
public final class ListPattern {

    private final Pattern regex;

    public ListPattern(String reference, String pattern) {
        this(reference, pattern, MailboxNames.SEPARATOR);
    }

    /** A pattern over names written with the hierarchy separator {@code separator}. */
    public ListPattern(String reference, String pattern, char separator) {
        String full = reference + pattern;
        if (full.length() >= 5 && full.regionMatches(true, 0, MailboxNames.INBOX, 0, 5)
                && (full.length() == 5 || (separator + "*%").indexOf(full.charAt(5)) >= 0)) {
            full = MailboxNames.INBOX + full.substring(5);
        }
        StringBuilder sb = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < full.length(); i++) {
            char c = full.charAt(i);
            if (c == '*' || c == '%') {
                sb.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                sb.append(c == '*' ? ".*" : "[^" + Pattern.quote(String.valueOf(separator)) + "]*");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            sb.append(Pattern.quote(literal.toString()));
        }
        this.regex = Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
