package org.loftmail.imap.impl.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header fields FROM, TO, CC, BCC and SUBJECT search (and HEADER of those names) read, kept
 * in the mailbox's cache as {@value #CACHE_FIELD} the first time a search needs one of them, as
 * Dovecot adds a field to {@code dovecot.index.cache} once it was searched. Each field keeps its
 * unfolded raw value (before RFC 2047 decoding), from which {@link HeaderField} is rebuilt as
 * parsing would build it, so a search answers the same with or without the cache. A message
 * without any of the fields caches an empty value (which still answers "no such field").
 *
 * <p>Value: per field in message order, the index of its name in {@link #NAMES} (1 octet), the
 * length (4) and the UTF-8 of the raw value.
 *
 * <p>The last {@value #REMEMBERED} messages' fields are also remembered decoded, with their
 * folded forms ({@link ComparedField}), so repeated searches neither decode nor fold them again.
 */
final class SearchedFields {

    static final String CACHE_FIELD = "imap.search.fields.1";
    static final List<String> NAMES = List.of("From", "To", "Cc", "Bcc", "Subject");
    static final int REMEMBERED = 50_000;

    private record Key(Object scope, long uid) {
    }

    private static final Map<Key, SearchedFields> MEMORY = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SearchedFields> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final List<List<ComparedField>> byName;

    private SearchedFields(List<List<ComparedField>> byName) {
        this.byName = byName;
    }

    /** The index of a field name in {@link #NAMES} (compared as search compares names), or -1. */
    static int index(String field) {
        for (int i = 0; i < NAMES.size(); i++) {
            if (NAMES.get(i).equalsIgnoreCase(field)) {
                return i;
            }
        }
        return -1;
    }

    /** The fields of a parsed header under each of the names. */
    static SearchedFields of(List<HeaderField> header) {
        SearchedFields out = empty();
        for (HeaderField f : header) {
            int i = index(f.name());
            if (i >= 0) {
                out.byName.get(i).add(new ComparedField(f));
            }
        }
        return out;
    }

    /** The message's fields: remembered, else from the mailbox's cache (then remembered); null when neither has them. */
    static SearchedFields remembered(SearchCandidate message) {
        Object scope = message.cacheScope();
        Key key = scope == null ? null : new Key(scope, message.meta().uid());
        if (key != null) {
            synchronized (MEMORY) {
                SearchedFields known = MEMORY.get(key);
                if (known != null) {
                    return known;
                }
            }
        }
        SearchedFields cached = message.cached(CACHE_FIELD).flatMap(SearchedFields::decode).orElse(null);
        if (cached != null) {
            remember(message, cached);
        }
        return cached;
    }

    static void remember(SearchCandidate message, SearchedFields fields) {
        Object scope = message.cacheScope();
        if (scope != null) {
            synchronized (MEMORY) {
                MEMORY.put(new Key(scope, message.meta().uid()), fields);
            }
        }
    }

    /** The fields named {@code NAMES.get(index)}, in message order. */
    List<ComparedField> named(int index) {
        return byName.get(index);
    }

    byte[] encode() {
        List<byte[]> raws = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < byName.size(); i++) {
            for (ComparedField f : byName.get(i)) {
                byte[] raw = f.field.raw().getBytes(StandardCharsets.UTF_8);
                raws.add(raw);
                indexes.add(i);
                size += 5 + raw.length;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (int k = 0; k < raws.size(); k++) {
            out.put(indexes.get(k).byteValue()).putInt(raws.get(k).length).put(raws.get(k));
        }
        return out.array();
    }

    /** What {@link #encode()} wrote, or empty when the octets are not such a value. */
    static Optional<SearchedFields> decode(byte[] octets) {
        SearchedFields out = empty();
        try {
            ByteBuffer in = ByteBuffer.wrap(octets);
            while (in.hasRemaining()) {
                int i = in.get();
                int n = in.getInt();
                String raw = new String(octets, in.position(), n, StandardCharsets.UTF_8);
                in.position(in.position() + n);
                out.byName.get(i).add(new ComparedField(new HeaderField(NAMES.get(i), HeaderField.decodeWords(raw), raw)));
            }
            return Optional.of(out);
        } catch (RuntimeException damaged) {
            return Optional.empty();
        }
    }

    private static SearchedFields empty() {
        List<List<ComparedField>> byName = new ArrayList<>();
        NAMES.forEach(n -> byName.add(new ArrayList<>()));
        return new SearchedFields(byName);
    }
}
