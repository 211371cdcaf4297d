package org.loftmail.storage.core.impl.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * The values of a {@link FieldCache}, one column per field: UIDs ascending in a {@code long[]}
 * beside their values. Messages get UIDs in ascending order and commands walk them in that order,
 * so a put is nearly always an append and a lookup a binary search over one compact array (a
 * hash map of (uid, field) keys cost a boxed key per lookup and a cache miss per entry). Thread-safe:
 * each column is its own monitor.
 */
final class CacheColumns {

    private final Map<String, Column> columns = new ConcurrentHashMap<>();

    byte[] get(long uid, String field) {
        Column c = columns.get(field);
        return c == null ? null : c.get(uid);
    }

    void put(long uid, String field, byte[] value) {
        columns.computeIfAbsent(field, f -> new Column()).put(uid, value);
    }

    void clear() {
        columns.clear();
    }

    /** Drops the values of every UID for which {@code keep} is false. */
    void retain(LongPredicate keep) {
        columns.values().forEach(c -> c.retain(keep));
    }

    /** Octets the values would take as log records. */
    long recordOctets() {
        long n = 0;
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            n += e.getValue().recordOctets(e.getKey().length());
        }
        return n;
    }

    /** Every value as a log entry, by UID then field. */
    List<CacheLog.Entry> entries() {
        List<CacheLog.Entry> all = new ArrayList<>();
        columns.forEach((field, c) -> c.addEntries(field, all));
        all.sort(java.util.Comparator.comparingLong(CacheLog.Entry::uid).thenComparing(CacheLog.Entry::field));
        return all;
    }

    private static final class Column {

        private long[] uids = new long[64];
        private byte[][] values = new byte[64][];
        private int size;

        synchronized byte[] get(long uid) {
            int i = Arrays.binarySearch(uids, 0, size, uid);
            return i >= 0 ? values[i] : null;
        }

        synchronized void put(long uid, byte[] value) {
            if (size > 0 && uid <= uids[size - 1]) {
                int i = Arrays.binarySearch(uids, 0, size, uid);
                if (i >= 0) {
                    values[i] = value;
                    return;
                }
                insert(-i - 1, uid, value);
                return;
            }
            insert(size, uid, value);
        }

        private void insert(int at, long uid, byte[] value) {
            if (size == uids.length) {
                uids = Arrays.copyOf(uids, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            System.arraycopy(uids, at, uids, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
            uids[at] = uid;
            values[at] = value;
            size++;
        }

        synchronized void retain(LongPredicate keep) {
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (keep.test(uids[i])) {
                    uids[n] = uids[i];
                    values[n++] = values[i];
                }
            }
            Arrays.fill(values, n, size, null);
            size = n;
        }

        synchronized long recordOctets(int fieldLength) {
            long n = 0;
            for (int i = 0; i < size; i++) {
                n += CacheLog.RECORD_OVERHEAD + fieldLength + values[i].length;
            }
            return n;
        }

        synchronized void addEntries(String field, List<CacheLog.Entry> out) {
            for (int i = 0; i < size; i++) {
                out.add(new CacheLog.Entry(uids[i], field, values[i]));
            }
        }
    }
}
