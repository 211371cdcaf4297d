package org.loftmail.core.imap;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * The base subject of RFC 5256 section 2.1, used by SORT SUBJECT and both THREAD algorithms.
 *
 * @param base the subject with encoded words decoded, white space collapsed and every
 *     {@code Re:}, {@code Fwd:}, {@code [blob]}, {@code (fwd)} and {@code [fwd: ...]} removed
 * @param replyOrForward whether anything marking a reply or forward was removed (the
 *     "subj-refwd", "(fwd)" trailer or "[fwd:" wrapper), which THREAD=REFERENCES needs
 */
public record BaseSubject(String base, boolean replyOrForward) {
    private static final Pattern NEWLINES = Pattern.compile("\r?\n");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    /** Extracts the base subject of a Subject header value (null counts as empty). */
    public static BaseSubject of(String subject) {
        if (subject == null) {
            return new BaseSubject("", false);
        }
        // (1) decode encoded words, unfold, tabs to spaces, collapse runs of spaces
        String s = subject.contains("=?") ? DecoderUtil.decodeEncodedWords(subject, DecodeMonitor.SILENT) : subject;
        if (s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0 || s.contains("  ")) {
            s = SPACES.matcher(NEWLINES.matcher(s).replaceAll("").replace('\t', ' ')).replaceAll(" ");
        }
        boolean refwd = false;
        while (true) {
            // (2) remove trailing "(fwd)" and white space
            while (true) {
                String t = s.stripTrailing();
                if (t.toLowerCase(Locale.ROOT).endsWith("(fwd)")) {
                    t = t.substring(0, t.length() - 5);
                    refwd = true;
                }
                if (t.equals(s)) {
                    break;
                }
                s = t;
            }
            // (3) and (4), until neither changes anything
            boolean changed = true;
            while (changed) {
                changed = false;
                for (String t = removeLeader(s); t != null; t = removeLeader(s)) {
                    refwd |= !s.startsWith(" ");
                    s = t;
                    changed = true;
                }
                int blob = blobEnd(s, 0);
                if (blob > 0 && blob < s.length()) {
                    s = s.substring(blob);
                    changed = true;
                }
            }
            // (5) "[fwd:" subject "]"
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                refwd = true;
                continue;
            }
            return new BaseSubject(s, refwd);
        }
    }

    /** subj-leader = (*subj-blob subj-refwd) / WSP; returns the rest, or null if none. */
    private static String removeLeader(String s) {
        if (s.startsWith(" ")) {
            return s.substring(1);
        }
        int p = 0;
        for (int b = blobEnd(s, p); b > 0; b = blobEnd(s, p)) {
            p = b;
        }
        int r = refwdEnd(s, p);
        return r < 0 ? null : s.substring(r);
    }

    /** subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":" */
    private static int refwdEnd(String s, int p) {
        if (s.regionMatches(true, p, "re", 0, 2)) {
            p += 2;
        } else if (s.regionMatches(true, p, "fwd", 0, 3)) {
            p += 3;
        } else if (s.regionMatches(true, p, "fw", 0, 2)) {
            p += 2;
        } else {
            return -1;
        }
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        int b = blobEnd(s, p);
        if (b > 0) {
            p = b;
        }
        return p < s.length() && s.charAt(p) == ':' ? p + 1 : -1;
    }

    /** subj-blob = "[" *BLOBCHAR "]" *WSP; returns its end, or -1 if none starts at p. */
    private static int blobEnd(String s, int p) {
        if (p >= s.length() || s.charAt(p) != '[') {
            return -1;
        }
        int q = p + 1;
        while (q < s.length() && s.charAt(q) != '[' && s.charAt(q) != ']') {
            q++;
        }
        if (q >= s.length() || s.charAt(q) != ']') {
            return -1;
        }
        q++;
        while (q < s.length() && s.charAt(q) == ' ') {
            q++;
        }
        return q;
    }
}
