package org.loftmail.imap.impl.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.StorageException;
import org.loftmail.core.mime.MessageStructure;

/**
 * What IMAP derives from a message once and asks for again and again: ENVELOPE/BODY/BODYSTRUCTURE
 * and the header fields SORT and THREAD use. Keyed by user, mailbox, UIDVALIDITY and UID, which
 * never name two different messages; bounded (least recently used entries go first), shared by
 * all sessions, thread-safe. It lives in memory: after a restart the first FETCH reads the files.
 */
public final class MessageCache {

    /** Identifies one message for ever. */
    public record Key(String user, String mailbox, long uidValidity, long uid) {
    }

    /** Opens the message only when the cache does not have what is asked. */
    @FunctionalInterface
    public interface Source {
        MessageContent open() throws StorageException;
    }

    private final int maxEntries;
    private final Map<Key, MessageStructure> structures;
    private final Map<Key, HeaderSummary> headers;
    private final Map<Key, String> envelopes;

    public MessageCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.structures = lru();
        this.headers = lru();
        this.envelopes = lru();
    }

    /**
     * The ENVELOPE text: from a cached structure, else parsed from the header alone (ENVELOPE
     * needs nothing else, and a large message need not be read for it).
     */
    public String envelope(Key key, Source source) throws IOException, StorageException {
        synchronized (structures) {
            MessageStructure s = structures.get(key);
            if (s != null) {
                return s.envelope();
            }
        }
        synchronized (envelopes) {
            String e = envelopes.get(key);
            if (e != null) {
                return e;
            }
        }
        String parsed;
        try (InputStream in = source.open().header()) {
            parsed = MessageStructure.parse(in).envelope();
        }
        synchronized (envelopes) {
            envelopes.put(key, parsed);
        }
        return parsed;
    }

    private <V> Map<Key, V> lru() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public MessageStructure structure(Key key, Source source) throws IOException, StorageException {
        synchronized (structures) {
            MessageStructure s = structures.get(key);
            if (s != null) {
                return s;
            }
        }
        MessageStructure parsed;
        try (InputStream in = source.open().open()) {
            parsed = MessageStructure.parse(in);
        }
        synchronized (structures) {
            structures.put(key, parsed);
        }
        return parsed;
    }

    public HeaderSummary headers(Key key, Source source) throws IOException, StorageException {
        synchronized (headers) {
            HeaderSummary h = headers.get(key);
            if (h != null) {
                return h;
            }
        }
        HeaderSummary parsed;
        try (InputStream in = source.open().header()) {
            parsed = HeaderSummary.parse(in.readAllBytes());
        }
        synchronized (headers) {
            headers.put(key, parsed);
        }
        return parsed;
    }
}
