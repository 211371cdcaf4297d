package org.loftmail.core.imap.impl;

import java.util.ArrayList;
import java.util.List;

/** Pulls {@code <msg-id>} tokens out of Message-ID, In-Reply-To and References values. */
public final class MessageIds {
    private MessageIds() {
    }

    /** All well-formed {@code <...@...>} ids in order, without the angle brackets. */
    public static List<String> all(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        int i = 0;
        while ((i = value.indexOf('<', i)) >= 0) {
            int end = value.indexOf('>', i + 1);
            if (end < 0) {
                break;
            }
            String id = withoutWhitespace(value, i + 1, end);
            if (id.indexOf('@') > 0 && id.indexOf('<') < 0) {
                ids.add(id);
            }
            i = end + 1;
        }
        return ids;
    }

    /** {@code value[from, to)} without blanks and line breaks (no regex: this runs per id per THREAD). */
    private static String withoutWhitespace(String value, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            char c = value.charAt(k);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String first(String value) {
        List<String> ids = all(value);
        return ids.isEmpty() ? null : ids.get(0);
    }
}
