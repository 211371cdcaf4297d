package org.loftmail.itests.protoscript;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One expected server line (the text of an {@code S:} line or of a {@code |} line in an expected
 * literal block).
 *
 * <p>Everything is compared literally except:
 * <ul>
 * <li>{@code {{regex}}} — a Java regular expression;</li>
 * <li>{@code {{name=regex}}} — a regular expression whose match is stored in variable {@code name};</li>
 * <li>{@code {{set:a b c}}} — a space-separated list holding exactly these tokens in any order
 *     (case-insensitive, e.g. flags);</li>
 * <li>{@code {{includes:a b}}} — a space-separated list holding at least these tokens (e.g. capabilities);</li>
 * <li>{@code ${name}} — the value of a variable, compared literally;</li>
 * <li>a trailing {@code " ..."} — optionally a space and any rest of the line; a trailing {@code "..."}
 *     without the space — any rest of the line.</li>
 * </ul>
 * A {@code {{...}}} ends at the first {@code "}}"} not followed by another {@code '}'}.
 */
public final class LinePattern {

    private enum Kind { TEXT, VAR, REGEX, CAPTURE, SET, INCLUDES, REST, REST_AFTER_SPACE }

    private record Seg(Kind kind, String text, String name) {
    }

    /** Characters of one token in {{set:}} / {{includes:}}. */
    private static final String TOKEN = "[^\\s()\\[\\]]+";
    private static final Pattern NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

    private final String source;
    private final List<Seg> segs;

    private LinePattern(String source, List<Seg> segs) {
        this.source = source;
        this.segs = segs;
    }

    public String source() {
        return source;
    }

    /** True if the pattern ends with "..." (matches any rest, including literals that follow). */
    public boolean endsWithRest() {
        return !segs.isEmpty() && (segs.get(segs.size() - 1).kind == Kind.REST
                || segs.get(segs.size() - 1).kind == Kind.REST_AFTER_SPACE);
    }

    public static LinePattern parse(String source) {
        List<Seg> segs = new ArrayList<>();
        String body = source;
        Seg rest = null;
        if (body.endsWith(" ...")) {
            body = body.substring(0, body.length() - 4);
            rest = new Seg(Kind.REST_AFTER_SPACE, null, null);
        } else if (body.endsWith("...")) {
            body = body.substring(0, body.length() - 3);
            rest = new Seg(Kind.REST, null, null);
        }
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            if (body.startsWith("{{", i)) {
                int end = closing(body, i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated {{ in pattern: " + source);
                }
                flush(text, segs);
                segs.add(special(body.substring(i + 2, end), source));
                i = end + 2;
            } else if (body.startsWith("${", i)) {
                int end = ScriptVars.closingBrace(body, i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated ${ in pattern: " + source);
                }
                flush(text, segs);
                segs.add(new Seg(Kind.VAR, body.substring(i, end + 1), null));
                i = end + 1;
            } else {
                text.append(body.charAt(i++));
            }
        }
        flush(text, segs);
        if (rest != null) {
            segs.add(rest);
        }
        return new LinePattern(source, segs);
    }

    private static int closing(String s, int from) {
        for (int i = from; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '}' && s.charAt(i + 1) == '}' && (i + 2 >= s.length() || s.charAt(i + 2) != '}')) {
                return i;
            }
        }
        return -1;
    }

    private static Seg special(String inner, String source) {
        if (inner.startsWith("set:")) {
            return new Seg(Kind.SET, inner.substring(4).trim(), null);
        }
        if (inner.startsWith("includes:")) {
            return new Seg(Kind.INCLUDES, inner.substring(9).trim(), null);
        }
        Matcher m = NAME.matcher(inner);
        Seg seg = m.matches() ? new Seg(Kind.CAPTURE, m.group(2), m.group(1)) : new Seg(Kind.REGEX, inner, null);
        try {
            Pattern.compile(seg.text.replace("${", "\\$\\{"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regex {{" + inner + "}} in pattern: " + source + ": "
                    + e.getDescription());
        }
        return seg;
    }

    private static void flush(StringBuilder text, List<Seg> segs) {
        if (text.length() > 0) {
            segs.add(new Seg(Kind.TEXT, text.toString(), null));
            text.setLength(0);
        }
    }

    /**
     * Matches a whole actual line.
     *
     * @return the captured variables (possibly empty) or null if the line does not match
     */
    public Map<String, String> match(String actual, ScriptVars vars) {
        StringBuilder regex = new StringBuilder();
        Map<String, Seg> groups = new HashMap<>();
        int g = 0;
        for (Seg seg : segs) {
            switch (seg.kind) {
                case TEXT -> regex.append(Pattern.quote(seg.text));
                case VAR -> regex.append(Pattern.quote(vars.expand(seg.text)));
                case REGEX -> regex.append("(?:").append(expandInRegex(seg.text, vars)).append(')');
                case CAPTURE, SET, INCLUDES -> {
                    String group = "zz" + (g++);
                    groups.put(group, seg);
                    String inner = seg.kind == Kind.CAPTURE ? expandInRegex(seg.text, vars)
                            : "(?:" + TOKEN + "(?: " + TOKEN + ")*)?";
                    regex.append("(?<").append(group).append('>').append(inner).append(')');
                }
                case REST -> regex.append(".*");
                case REST_AFTER_SPACE -> regex.append("(?: .*)?");
            }
        }
        Matcher m = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> captures = new LinkedHashMap<>();
        for (Map.Entry<String, Seg> e : groups.entrySet()) {
            Seg seg = e.getValue();
            String value = m.group(e.getKey());
            switch (seg.kind) {
                case CAPTURE -> captures.put(seg.name, value == null ? "" : value);
                case SET -> {
                    if (!tokens(value).equals(tokens(seg.text))) {
                        return null;
                    }
                }
                case INCLUDES -> {
                    if (!tokens(value).containsAll(tokens(seg.text))) {
                        return null;
                    }
                }
                default -> {
                }
            }
        }
        return captures;
    }

    private static List<String> tokens(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        List<String> t = new ArrayList<>(Arrays.asList(s.trim().toUpperCase(Locale.ROOT).split(" +")));
        t.sort(null);
        return t;
    }

    /** ${var} inside a regex is replaced by the quoted value. */
    private static String expandInRegex(String regex, ScriptVars vars) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            int start = regex.indexOf("${", i);
            if (start < 0) {
                out.append(regex, i, regex.length());
                break;
            }
            int end = ScriptVars.closingBrace(regex, start + 2);
            if (end < 0) {
                out.append(regex, i, regex.length());
                break;
            }
            out.append(regex, i, start).append(Pattern.quote(vars.expand(regex.substring(start, end + 1))));
            i = end + 1;
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
