package org.loftmail.storage.maildir.impl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One {@code dovecot-uidlist} record: {@code <uid> [<key><value> ...] :<base name>}. The
 * extensions keep their order; Dovecot uses {@code G} (message GUID), {@code W} (virtual
 * size), {@code S} (size), {@code P} (POP3 UIDL) and {@code O} (POP3 order).
 */
public record UidListEntry(long uid, String base, Map<Character, String> extensions, String written) {

    /**
     * @param written the file name as the record gives it: Dovecot writes the whole name, flags
     *     included ({@code base:2,FS}), and a Dovecot session that has not rescanned the folder
     *     takes a new message's flags from it; the base when the record has no other
     */
    public UidListEntry {
        if (uid <= 0 || uid > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("UID out of range: " + uid);
        }
        extensions = extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        written = written == null || written.isEmpty() ? base : written;
    }

    public UidListEntry(long uid, String base, Map<Character, String> extensions) {
        this(uid, base, extensions, base);
    }

    public Optional<String> guid() {
        return Optional.ofNullable(extensions.get('G'));
    }

    public OptionalLong vsize() {
        String w = extensions.get('W');
        return w == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(w));
    }

    /** The record as one line of a version 3 file, without the newline. */
    String line() {
        StringBuilder sb = new StringBuilder().append(uid);
        extensions.forEach((k, v) -> sb.append(' ').append(k).append(v));
        return sb.append(" :").append(written).toString();
    }
}
