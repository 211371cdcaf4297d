package org.loftmail.core.mime.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MIME parameters ({@code ; name=value}) with RFC 2231 continuations merged, the way Dovecot's
 * rfc2231-parser does it: {@code name*0*=...; name*1=...} becomes {@code name*}, values of
 * extended parameters stay percent-encoded, broken parameters are skipped.
 */
final class MimeParams {
    record Param(String name, String value) { }

    private record Section(String key, String value, int idx, boolean extended) { }

    private MimeParams() {
    }

    static List<Param> parse(Rfc822Parser p) {
        List<Param> result = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        int idx = 0;
        while (true) {
            String[] kv = new String[2];
            int ret = parseParam(p, kv);
            if (ret == 0) {
                break;
            }
            if (ret < 0) {
                if (p.atEnd()) {
                    break;
                }
                p.pos++;
                continue;
            }
            String key = kv[0];
            int star = key.indexOf('*');
            boolean plain = star < 0;
            if (!plain) {
                int i = star;
                if (i + 1 < key.length()) {
                    i++;
                    idx = 0;
                    while (i < key.length() && Character.isDigit(key.charAt(i)) && key.charAt(i) < 0x80) {
                        idx = idx * 10 + key.charAt(i) - '0';
                        i++;
                    }
                }
                boolean extended = i < key.length() && key.charAt(i) == '*';
                if (extended) {
                    i++;
                }
                if (i < key.length()) {
                    plain = true;
                } else {
                    sections.add(new Section(key.substring(0, star), kv[1], idx, extended));
                }
            }
            if (plain) {
                result.add(new Param(key, kv[1]));
            }
        }
        if (!sections.isEmpty()) {
            mergeSections(sections, result);
        }
        return result;
    }

    private static void mergeSections(List<Section> sections, List<Param> result) {
        sections.sort(Comparator.comparing(Section::key).thenComparingInt(Section::idx));
        int next;
        for (int i = 0; i < sections.size(); i = next) {
            boolean ok = true;
            boolean haveExtended = false;
            int nextIdx = 0;
            int j = i;
            for (; j < sections.size(); j++) {
                if (!sections.get(i).key().equalsIgnoreCase(sections.get(j).key())) {
                    break;
                }
                if (sections.get(j).idx() != nextIdx) {
                    ok = false;
                }
                haveExtended |= sections.get(j).extended();
                nextIdx++;
            }
            next = j;
            if (!ok) {
                for (j = i; j < next; j++) {
                    Section s = sections.get(j);
                    result.add(new Param(s.key() + "*" + s.idx() + (s.extended() ? "*" : ""), s.value()));
                }
                continue;
            }
            StringBuilder value = new StringBuilder();
            if (!sections.get(i).extended() && haveExtended) {
                value.append("''");
            }
            for (j = i; j < next; j++) {
                Section s = sections.get(j);
                value.append(!s.extended() && haveExtended ? s.value().replace("%", "%25") : s.value());
            }
            String key = sections.get(i).key() + (haveExtended ? "*" : "");
            result.add(new Param(key, value.toString()));
        }
    }

    /** rfc822_parse_content_param: 0 at end, -1 broken, 1 with kv filled. */
    private static int parseParam(Rfc822Parser p, String[] kv) {
        if (p.atEnd()) {
            return 0;
        }
        if (p.peek() != ';') {
            return -1;
        }
        p.pos++;
        if (p.skipLwsp() <= 0) {
            return -1;
        }
        StringBuilder key = new StringBuilder();
        if (p.parseMimeToken(key) <= 0) {
            return -1;
        }
        if (p.peek() != '=') {
            return -1;
        }
        p.pos++;
        StringBuilder value = new StringBuilder();
        int ret = p.skipLwsp();
        if (ret > 0) {
            if (p.peek() == '"') {
                ret = p.parseQuotedString(value);
            } else if (p.peek() == '=') {
                while (!p.atEnd() && " ;\t\r\n".indexOf(p.peek()) < 0) {
                    value.append(p.peek());
                    p.pos++;
                }
            } else {
                ret = p.parseMimeToken(value);
            }
        }
        kv[0] = key.toString();
        kv[1] = value.toString();
        return ret < 0 ? -1 : 1;
    }
}
