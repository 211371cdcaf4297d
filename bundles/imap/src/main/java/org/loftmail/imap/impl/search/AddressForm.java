package org.loftmail.imap.impl.search;

/**
 * An address list header rewritten the way Dovecot 2.3 matches FROM, TO, CC and BCC against it
 * (its {@code message_address_parse} then {@code message_address_write}): every mailbox as
 * {@code <local@domain>}, with the display name (or, lacking one, the last comment) in front,
 * quoted when it is not a plain atom: {@code "Doe, John" <jd@example.com>, Carol
 * <carol@example.com>, <bob@example.net>}; groups as {@code name: mailbox, mailbox;};
 * a missing local part or domain as {@code MISSING_MAILBOX} or {@code MISSING_DOMAIN}; runs of
 * blanks between words as one space. Encoded
 * words are left for the caller to decode. Lenient: what cannot be parsed is skipped up to the
 * next comma.
 */
final class AddressForm {

    private final String s;
    private int pos;
    private String lastComment;

    private AddressForm(String s) {
        this.s = s;
    }

    /** The written form of an unfolded, undecoded address list header value. */
    static String of(String raw) {
        return new AddressForm(raw).list();
    }

    private record Mailbox(String name, String route, String local, String domain) {
    }

    private String list() {
        StringBuilder out = new StringBuilder(s.length() + 16);
        boolean first = true;
        boolean afterComma = false;
        while (true) {
            skipCfws();
            if (pos >= s.length()) {
                break;
            }
            if (peek() == ',') {
                pos++;
                if (afterComma) {
                    // an empty element between two commas, as Dovecot fills it in
                    out.append(first ? "" : ", ").append("<MISSING_MAILBOX@MISSING_DOMAIN>");
                    first = false;
                }
                afterComma = true;
                continue;
            }
            afterComma = false;
            int start = pos;
            StringBuilder phrase = new StringBuilder();
            boolean isPhrase = phrase(phrase);
            if (isPhrase && peek() == ':') {
                pos++;
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(name(phrase.toString())).append(':');
                boolean firstMember = true;
                while (true) {
                    skipCfws();
                    if (pos >= s.length()) {
                        break;
                    }
                    if (peek() == ';') {
                        pos++;
                        break;
                    }
                    if (peek() == ',') {
                        pos++;
                        continue;
                    }
                    Mailbox m = mailbox();
                    if (m == null) {
                        skipPast(",;");
                        continue;
                    }
                    out.append(firstMember ? " " : ", ");
                    firstMember = false;
                    write(out, m);
                }
                out.append(';');
            } else {
                pos = start;
                Mailbox m = mailbox();
                if (m == null) {
                    skipPast(",");
                    continue;
                }
                if (!first) {
                    out.append(", ");
                }
                first = false;
                write(out, m);
            }
        }
        return out.toString();
    }

    private Mailbox mailbox() {
        int start = pos;
        StringBuilder phrase = new StringBuilder();
        boolean isPhrase = phrase(phrase);
        if (peek() == '<') {
            pos++;
            String name = isPhrase && phrase.length() > 0 ? phrase.toString() : null;
            skipCfws();
            String route = null;
            if (peek() == '@') {
                int r = s.indexOf(':', pos);
                int close = s.indexOf('>', pos);
                if (r > 0 && (close < 0 || r < close)) {
                    route = s.substring(pos, r).replaceAll("[ \\t]", "");
                    pos = r + 1;
                }
            }
            String[] spec = addrSpec();
            skipCfws();
            if (peek() == '>') {
                pos++;
            } else {
                skipPast(">");
            }
            return new Mailbox(name, route, spec[0], spec[1]);
        }
        pos = start;
        lastComment = null;
        String[] spec = addrSpec();
        if (spec[0].isEmpty() && spec[1] == null) {
            return null;
        }
        skipCfws();
        return new Mailbox(lastComment, null, spec[0], spec[1]);
    }

    /** {@code local-part ["@" domain]}: the local part (words joined by dots) and the domain or null. */
    private String[] addrSpec() {
        skipCfws();
        StringBuilder local = new StringBuilder();
        while (pos < s.length()) {
            char c = peek();
            if (c == '"') {
                local.append(quoted());
            } else if (c == '.') {
                local.append('.');
                pos++;
            } else if (atext(c)) {
                local.append(atom());
            } else {
                break;
            }
            skipCfws();
        }
        String domain = null;
        if (peek() == '@') {
            pos++;
            skipCfws();
            StringBuilder d = new StringBuilder();
            while (pos < s.length()) {
                char c = peek();
                if (c == '[') {
                    int end = s.indexOf(']', pos);
                    end = end < 0 ? s.length() : end + 1;
                    d.append(s, pos, end);
                    pos = end;
                } else if (c == '.') {
                    d.append('.');
                    pos++;
                } else if (atext(c)) {
                    d.append(atom());
                } else {
                    break;
                }
                skipCfws();
            }
            domain = d.toString();
        }
        return new String[] {local.toString(), domain};
    }

    /** {@code phrase}: words (atoms, dots, quoted strings) joined by one space; false when none. */
    private boolean phrase(StringBuilder out) {
        skipCfws();
        if (pos >= s.length() || peek() == '.') {
            return false;
        }
        boolean any = false;
        while (pos < s.length()) {
            char c = peek();
            String word;
            if (c == '"') {
                word = quoted();
            } else if (atext(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (atext(peek()) || peek() == '.')) {
                    pos++;
                }
                word = s.substring(start, pos);
            } else {
                break;
            }
            if (any) {
                out.append(' ');
            }
            out.append(word);
            any = true;
            skipCfws();
        }
        return any;
    }

    private String atom() {
        int start = pos;
        while (pos < s.length() && atext(peek())) {
            pos++;
        }
        return s.substring(start, pos);
    }

    /** A quoted string's content, unescaped. */
    private String quoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && pos < s.length()) {
                c = s.charAt(pos++);
            }
            out.append(c);
        }
        return out.toString();
    }

    private void skipCfws() {
        while (pos < s.length()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else if (c == '(') {
                comment();
            } else {
                break;
            }
        }
    }

    private void comment() {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\' && pos < s.length()) {
                text.append(s.charAt(pos++));
                continue;
            }
            if (c == '(') {
                if (depth++ == 0) {
                    continue;
                }
            } else if (c == ')' && --depth == 0) {
                break;
            }
            text.append(c);
        }
        lastComment = text.toString().strip();
    }

    private void skipPast(String stops) {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                quoted();
                continue;
            }
            if (c == '(') {
                comment();
                continue;
            }
            pos++;
            if (stops.indexOf(c) >= 0) {
                return;
            }
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private static void write(StringBuilder out, Mailbox m) {
        if (m.name() != null && !m.name().isEmpty()) {
            out.append(name(m.name())).append(' ');
        }
        out.append('<');
        if (m.route() != null) {
            out.append(m.route()).append(':');
        }
        out.append(m.local().isEmpty() ? "MISSING_MAILBOX" : escape(m.local(), false)).append('@')
                .append(m.domain() == null || m.domain().isEmpty() ? "MISSING_DOMAIN" : m.domain()).append('>');
    }

    /** A display or group name: as it is when it holds encoded words, otherwise quoted if needed. */
    private static String name(String name) {
        return name.contains("=?") ? name : escape(name, true);
    }

    /** Dovecot's {@code str_append_maybe_escape}. */
    static String escape(String text, boolean quoteDot) {
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            char c = text.charAt(i);
            plain = atext(c) || (!quoteDot && c == '.');
        }
        if (plain) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** RFC 5322 atext, 8-bit characters included. */
    static boolean atext(char c) {
        if (c >= 0x80) {
            return true;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }
}
