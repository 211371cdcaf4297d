package org.loftmail.storage.maildir.impl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code dovecot-uidlist} lines. Version 3: header {@code 3 V<uidvalidity>
 * N<nextuid> G<guid> ...} (fields in any order), records {@code <uid> [<key><value> ...]
 * :<filename>}. Version 1 (also Courier's {@code courierimapuiddb}): header {@code 1
 * <uidvalidity> <nextuid>}, records {@code <uid> <filename>}. A file name with {@code :2,}
 * flags is reduced to its base name.
 */
final class UidListParser {
    private UidListParser() {
    }

    record Header(int version, Map<Character, String> fields) {
        long uidValidity() {
            return number('V');
        }

        long nextUid() {
            return fields.containsKey('N') ? number('N') : 1;
        }

        private long number(char key) {
            String v = fields.get(key);
            if (v == null) {
                throw new IllegalArgumentException("uidlist header has no " + key + " field");
            }
            return Long.parseLong(v);
        }
    }

    static Header header(String line) {
        String[] tokens = line.trim().split(" +");
        Map<Character, String> fields = new LinkedHashMap<>();
        switch (tokens[0]) {
            case "1" -> {
                if (tokens.length < 3) {
                    throw new IllegalArgumentException("broken version 1 uidlist header: '" + line + "'");
                }
                fields.put('V', tokens[1]);
                fields.put('N', tokens[2]);
                checkNumber(tokens[1], line);
                checkNumber(tokens[2], line);
                return new Header(1, fields);
            }
            case "3" -> {
                for (int i = 1; i < tokens.length; i++) {
                    if (!tokens[i].isEmpty()) {
                        fields.put(tokens[i].charAt(0), tokens[i].substring(1));
                    }
                }
                Header h = new Header(3, fields);
                checkNumber(fields.get('V'), line);
                h.nextUid();
                return h;
            }
            default -> throw new IllegalArgumentException("unsupported uidlist version '" + tokens[0] + "': " + line);
        }
    }

    static UidListEntry entry(int version, String line) {
        int space = line.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("broken uidlist record: '" + line + "'");
        }
        long uid = checkNumber(line.substring(0, space), line);
        if (version == 1) {
            String name = line.substring(space + 1).trim();
            return new UidListEntry(uid, MaildirFilename.parse(name).base(), Map.of(), name);
        }
        Map<Character, String> ext = Map.of();
        int pos = space + 1;
        while (pos < line.length() && line.charAt(pos) != ':') {
            int end = line.indexOf(' ', pos);
            if (end < 0) {
                throw new IllegalArgumentException("uidlist record without ':<filename>': '" + line + "'");
            }
            if (end > pos) {
                if (ext.isEmpty()) {
                    ext = new LinkedHashMap<>(4);
                }
                ext.put(line.charAt(pos), line.substring(pos + 1, end));
            }
            pos = end + 1;
        }
        if (pos >= line.length() - 1) {
            throw new IllegalArgumentException("uidlist record without ':<filename>': '" + line + "'");
        }
        String name = line.substring(pos + 1);
        return new UidListEntry(uid, MaildirFilename.parse(name).base(), ext, name);
    }

    private static long checkNumber(String s, String line) {
        try {
            long n = Long.parseLong(s == null ? "" : s);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in uidlist: '" + line + "'", e);
        }
    }
}
