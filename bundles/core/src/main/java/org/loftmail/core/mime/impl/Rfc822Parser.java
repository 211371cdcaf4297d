package org.loftmail.core.mime.impl;

/**
 * RFC 822/2822/2045 tokenizer over a header value, with Dovecot's lib-mail choices (return
 * values: negative = broken, 0 = end of input reached, positive = more input follows).
 *
 * <p>Input is a Latin-1 string where each char is one octet, so 8-bit header bytes survive.
 */
final class Rfc822Parser {
    private static final String SPECIALS = "()<>@,;:\\\".[]";
    private static final String MIME_TSPECIALS = "/?=";

    final String data;
    int pos;
    final StringBuilder lastComment;

    Rfc822Parser(String data, StringBuilder lastComment) {
        this.data = data;
        this.lastComment = lastComment;
    }

    boolean atEnd() {
        return pos >= data.length();
    }

    /** The current octet, or NUL at the end (as Dovecot reads its terminator). */
    char peek() {
        return pos < data.length() ? data.charAt(pos) : '\0';
    }

    static boolean isAtext(char c) {
        if (c >= 0x80) {
            return true;
        }
        return c > 32 && c < 127 && SPECIALS.indexOf(c) < 0;
    }

    static boolean isMimeTokenChar(char c) {
        return isAtext(c) && MIME_TSPECIALS.indexOf(c) < 0;
    }

    int skipComment() {
        int level = 1;
        if (lastComment != null) {
            lastComment.setLength(0);
        }
        int start = ++pos;
        for (; pos < data.length(); pos++) {
            char c = data.charAt(pos);
            if (c == '(') {
                level++;
            } else if (c == ')') {
                if (--level == 0) {
                    if (lastComment != null) {
                        lastComment.append(data, start, pos);
                    }
                    pos++;
                    return atEnd() ? 0 : 1;
                }
            } else if (c == '\\') {
                if (lastComment != null) {
                    lastComment.append(data, start, pos);
                }
                start = pos + 1;
                pos++;
                if (atEnd()) {
                    return -1;
                }
            }
        }
        return -1;
    }

    int skipLwsp() {
        while (!atEnd()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
                continue;
            }
            if (c != '(') {
                break;
            }
            if (skipComment() < 0) {
                return -1;
            }
        }
        return atEnd() ? 0 : 1;
    }

    int parseAtom(StringBuilder out) {
        if (atEnd() || !isAtext(peek())) {
            return -1;
        }
        int start = pos++;
        while (!atEnd() && isAtext(peek())) {
            pos++;
        }
        out.append(data, start, pos);
        return atEnd() ? 0 : skipLwsp();
    }

    int parseDotAtom(StringBuilder out) {
        if (atEnd() || !isAtext(peek())) {
            return -1;
        }
        int start = pos++;
        while (true) {
            while (!atEnd() && isAtext(peek())) {
                pos++;
            }
            out.append(data, start, pos);
            if (atEnd()) {
                return 0;
            }
            int ret = skipLwsp();
            if (ret <= 0) {
                return ret;
            }
            if (peek() != '.') {
                return 1;
            }
            pos++;
            out.append('.');
            ret = skipLwsp();
            if (ret <= 0) {
                return ret;
            }
            start = pos;
        }
    }

    int parseMimeToken(StringBuilder out) {
        int start = pos;
        while (!atEnd() && (isMimeTokenChar(peek()) || peek() == '.')) {
            pos++;
        }
        out.append(data, start, pos);
        return atEnd() ? 0 : skipLwsp();
    }

    int parseQuotedString(StringBuilder out) {
        pos++;
        int start = pos;
        for (; pos < data.length(); pos++) {
            char c = data.charAt(pos);
            if (c == '"') {
                out.append(data, start, pos);
                pos++;
                return skipLwsp();
            } else if (c == '\n') {
                int end = pos;
                if (end > start && data.charAt(end - 1) == '\r') {
                    end--;
                }
                out.append(data, start, end);
                start = pos + 1;
            } else if (c == '\\') {
                pos++;
                if (atEnd()) {
                    return -1;
                }
                out.append(data, start, pos - 1);
                start = pos;
            }
        }
        return -1;
    }

    private int parseAtomOrDot(StringBuilder out) {
        int start = pos;
        while (!atEnd() && (isAtext(peek()) || peek() == '.')) {
            pos++;
        }
        out.append(data, start, pos);
        return atEnd() ? 0 : skipLwsp();
    }

    int parsePhrase(StringBuilder out) {
        if (atEnd()) {
            return 0;
        }
        if (peek() == '.') {
            return -1;
        }
        while (true) {
            int ret = peek() == '"' ? parseQuotedString(out) : parseAtomOrDot(out);
            if (ret <= 0) {
                return ret;
            }
            char c = peek();
            if (!isAtext(c) && c != '"' && c != '.') {
                break;
            }
            out.append(' ');
        }
        return skipLwsp();
    }

    private int parseDomainLiteral(StringBuilder out) {
        int start = pos;
        for (; pos < data.length(); pos++) {
            char c = data.charAt(pos);
            if (c == '\\') {
                pos++;
                if (atEnd()) {
                    break;
                }
            } else if (c == ']') {
                pos++;
                out.append(data, start, pos);
                return skipLwsp();
            }
        }
        return -1;
    }

    /** At '@': parses the domain after it. */
    int parseDomain(StringBuilder out) {
        pos++;
        if (skipLwsp() <= 0) {
            return -1;
        }
        return peek() == '[' ? parseDomainLiteral(out) : parseDotAtom(out);
    }
}
