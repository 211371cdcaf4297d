package org.loftmail.config.impl.parse;

import java.util.ArrayList;
import java.util.List;
import org.loftmail.config.impl.parse.Line.Kind;

/**
 * Splits the text of one file into logical lines the way Dovecot 2.3's config parser does:
 * leading blanks skipped, {@code #} starts a comment (outside quotes), a trailing {@code \}
 * continues the line on the next one, and each line is one of {@code key = value},
 * {@code type [name] {}, {@code }}, {@code !include[_try] pattern}.
 */
public final class LineLexer {

    private LineLexer() {
    }

    public static List<Line> lex(String text) {
        List<Line> lines = new ArrayList<>();
        StringBuilder continued = new StringBuilder();
        int continuedFrom = 0;
        String[] physical = text.split("\r?\n", -1);
        for (int i = 0; i < physical.length; i++) {
            int number = i + 1;
            String line = stripLeading(physical[i]);
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int comment = commentStart(line);
            if (comment >= 0) {
                if (!isBlank(line.charAt(comment - 1))) {
                    lines.add(new Line(Kind.AMBIGUOUS_COMMENT, number, null, null));
                }
                line = line.substring(0, comment);
            }
            line = stripTrailing(line);
            if (line.endsWith("\\")) {
                if (continued.isEmpty()) {
                    continuedFrom = number;
                }
                continued.append(stripTrailing(line.substring(0, line.length() - 1))).append(' ');
                continue;
            }
            int start = number;
            if (!continued.isEmpty()) {
                line = continued.append(line).toString();
                start = continuedFrom;
                continued.setLength(0);
            }
            lines.add(parse(line, start));
        }
        if (!continued.isEmpty()) {
            lines.add(parse(stripTrailing(continued.toString()), continuedFrom));
        }
        return lines;
    }

    /** One logical line, already without comment and outer blanks. */
    static Line parse(String line, int number) {
        int p = 0;
        int n = line.length();
        while (p < n && !isBlank(line.charAt(p)) && line.charAt(p) != '=') {
            p++;
        }
        String key = line.substring(0, p);
        while (p < n && isBlank(line.charAt(p))) {
            p++;
        }
        String rest = line.substring(p);
        if (key.equals("!include")) {
            return new Line(Kind.INCLUDE, number, key, rest);
        }
        if (key.equals("!include_try")) {
            return new Line(Kind.INCLUDE_TRY, number, key, rest);
        }
        if (rest.startsWith("=")) {
            return keyValue(key, stripLeading(rest.substring(1)), number);
        }
        if (key.equals("}") && rest.isEmpty()) {
            return new Line(Kind.SECTION_END, number, key, null);
        }
        if (key.isEmpty()) {
            return error(number, "a line must be 'key = value', 'name {' or '}'");
        }
        return sectionBegin(key, rest, number);
    }

    private static Line keyValue(String key, String value, int number) {
        if (key.isEmpty()) {
            return error(number, "'=' without a setting name before it");
        }
        if (value.startsWith("<")) {
            return new Line(Kind.KEY_FILE, number, key, stripLeading(value.substring(1)));
        }
        boolean quoted = value.length() >= 2
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0);
        if (!quoted && value.indexOf('$') >= 0) {
            return new Line(Kind.KEY_VARIABLE, number, key, value);
        }
        if (quoted) {
            value = unescape(value.substring(1, value.length() - 1));
        }
        return new Line(Kind.KEY_VALUE, number, key, value);
    }

    private static Line sectionBegin(String type, String rest, int number) {
        String name = null;
        String after = rest;
        if (!rest.startsWith("{")) {
            int end;
            if (rest.startsWith("\"") || rest.startsWith("'")) {
                end = rest.indexOf(rest.charAt(0), 1);
                if (end < 0) {
                    return error(number, "the quoted section name is not closed");
                }
                name = rest.substring(1, end);
                end++;
            } else {
                end = 0;
                while (end < rest.length() && !isBlank(rest.charAt(end))) {
                    end++;
                }
                name = rest.substring(0, end);
            }
            after = stripLeading(rest.substring(end));
            if (name.isEmpty() && after.isEmpty()) {
                return error(number, "'" + type + "' is neither 'key = value' (the '=' is missing)"
                        + " nor the start of a section ('" + type + " {')");
            }
            if (!after.startsWith("{")) {
                return error(number, "expected '{' after '" + type + " " + name + "': a line must be"
                        + " 'key = value', 'name {' or '}'");
            }
        }
        if (after.length() > 1) {
            return error(number, "text after '{': a section's settings go on the lines that follow, and '}' on a line of its own");
        }
        return new Line(Kind.SECTION_BEGIN, number, type, name);
    }

    private static Line error(int number, String message) {
        return new Line(Kind.ERROR, number, null, message);
    }

    /** Index of the '#' that starts a comment, skipping quoted parts; -1 when none. */
    static int commentStart(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                for (i++; i < line.length() && line.charAt(i) != c; i++) {
                    if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                        i++;
                    }
                }
                if (i >= line.length()) {
                    return -1;
                }
            } else if (c == '#') {
                return i;
            }
        }
        return -1;
    }

    /** Dovecot's str_unescape: a backslash makes the next character literal. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (++i == s.length()) {
                    break;
                }
                c = s.charAt(i);
            }
            out.append(c);
        }
        return out.toString();
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    static String stripTrailing(String s) {
        int i = s.length();
        while (i > 0 && isBlank(s.charAt(i - 1))) {
            i--;
        }
        return s.substring(0, i);
    }
}
