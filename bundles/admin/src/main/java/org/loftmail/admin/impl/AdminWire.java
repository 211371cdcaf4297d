package org.loftmail.admin.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines on the admin socket. The client sends one request: the command line's words,
 * tab-separated. The server answers with an optional header line {@code H<TAB>col...}, row lines
 * {@code R<TAB>cell...}, then {@code +} (success) or {@code -<TAB>exit code<TAB>message}.
 * Fields are escaped so that a tab, CR, LF or backslash inside one never breaks the framing.
 */
final class AdminWire {

    static final String HEADER = "H";
    static final String ROW = "R";
    static final String OK = "+";
    static final String FAILED = "-";

    private AdminWire() {
    }

    static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (!b.isEmpty()) {
                b.append('\t');
            }
            escape(f, b);
        }
        return b.toString();
    }

    static String line(String kind, List<String> fields) {
        List<String> all = new ArrayList<>(fields.size() + 1);
        all.add(kind);
        all.addAll(fields);
        return line(all);
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                out.add(f.toString());
                f.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                f.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    private static void escape(String s, StringBuilder b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\\' -> b.append("\\\\");
                default -> b.append(c);
            }
        }
    }
}
