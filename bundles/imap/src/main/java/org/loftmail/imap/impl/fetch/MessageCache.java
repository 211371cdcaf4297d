package org.loftmail.imap.impl.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageFieldCache;
import org.loftmail.api.storage.StorageException;
import org.loftmail.core.imap.SortKey;
import org.loftmail.core.imap.ThreadFacts;
import org.loftmail.core.imap.Sorter;
import org.loftmail.core.mime.MessageStructure;

/**
 * What IMAP derives from a message once and asks for again and again: ENVELOPE, BODY,
 * BODYSTRUCTURE and the header fields SORT and THREAD use. Kept in the mailbox's
 * {@link MessageFieldCache} (shared by all sessions, persisted by the driver next to its index),
 * so once cached none of them reads the message file, not even after a restart. The values:
 * <ul>
 * <li>{@value #ENVELOPE}, {@value #BODY}, {@value #BODYSTRUCTURE}: the text inside the
 * parentheses, as ISO-8859-1 octets (one octet per char, {@link MessageStructure#toWire});</li>
 * <li>{@value #SUMMARY}: {@link HeaderSummary#encode()};</li>
 * <li>{@value #SORT_KEY}{@code <key>}: a SORT collation key, see {@link #sortKey};</li>
 * <li>{@value #THREAD_FACTS}: the Date header and {@link ThreadFacts} in {@link ThreadFactsCodec}'s form.</li>
 * </ul>
 * BODY[section] fetches still read the file: the cache holds no part offsets.
 */
public final class MessageCache {

    static final String ENVELOPE = "imap.envelope";
    static final String BODY = "imap.body";
    static final String BODYSTRUCTURE = "imap.bodystructure";
    static final String SUMMARY = "imap.summary.1";
    static final String THREAD_FACTS = "imap.thread.1";
    /** Followed by the key's name: {@code imap.sort1.subject}, ... (the 1 versions the collation). */
    static final String SORT_KEY = "imap.sort1.";

    private MessageCache() {
    }

    /**
     * The ENVELOPE text: cached, else parsed from the header alone (ENVELOPE needs nothing else,
     * and a large message need not be read for it).
     */
    public static String envelope(MailboxView view, long uid) throws IOException, StorageException {
        MessageFieldCache cache = view.cache();
        Optional<byte[]> hit = cache.get(uid, ENVELOPE);
        if (hit.isPresent()) {
            return text(hit.get());
        }
        String parsed;
        try (InputStream in = view.content(uid).header()) {
            parsed = MessageStructure.parse(in).envelope();
        }
        cache.put(uid, ENVELOPE, MessageStructure.toWire(parsed));
        return parsed;
    }

    /** ENVELOPE, BODY and BODYSTRUCTURE: cached, else parsed from the whole message. */
    public static MessageStructure structure(MailboxView view, long uid) throws IOException, StorageException {
        MessageFieldCache cache = view.cache();
        Optional<byte[]> envelope = cache.get(uid, ENVELOPE);
        Optional<byte[]> body = cache.get(uid, BODY);
        Optional<byte[]> bodyStructure = cache.get(uid, BODYSTRUCTURE);
        if (envelope.isPresent() && body.isPresent() && bodyStructure.isPresent()) {
            return new MessageStructure(text(envelope.get()), text(body.get()), text(bodyStructure.get()));
        }
        MessageStructure parsed;
        try (InputStream in = view.content(uid).open()) {
            parsed = MessageStructure.parse(in);
        }
        cache.put(uid, BODY, MessageStructure.toWire(parsed.body()));
        cache.put(uid, BODYSTRUCTURE, MessageStructure.toWire(parsed.bodyStructure()));
        if (envelope.isPresent()) {
            // keep answering the ENVELOPE given before
            return new MessageStructure(text(envelope.get()), parsed.body(), parsed.bodyStructure());
        }
        cache.put(uid, ENVELOPE, MessageStructure.toWire(parsed.envelope()));
        return parsed;
    }

    /** The fields SORT and THREAD use: cached, else parsed from the header. */
    public static HeaderSummary headers(MailboxView view, long uid) throws IOException, StorageException {
        MessageFieldCache cache = view.cache();
        Optional<HeaderSummary> hit = cache.get(uid, SUMMARY).flatMap(HeaderSummary::decode);
        if (hit.isPresent()) {
            return hit.get();
        }
        HeaderSummary parsed;
        try (InputStream in = view.content(uid).header()) {
            parsed = HeaderSummary.parse(in.readAllBytes());
        }
        cache.put(uid, SUMMARY, parsed.encode());
        return parsed;
    }

    /** Only the summary's sent date (-1: none), for a SORT by DATE alone: no header string decoded. */
    public static long sentDate(MailboxView view, long uid) throws IOException, StorageException {
        Optional<byte[]> hit = view.cache().get(uid, SUMMARY);
        long date = hit.isPresent() ? HeaderSummary.sentDateOf(hit.get()) : -2;
        return date >= -1 ? date : headers(view, uid).sentDate();
    }

    /**
     * The collation key of a SORT string key ({@link Sorter#stringKey}): cached per key as its
     * UTF-16 code units, else computed from the header summary.
     */
    public static String sortKey(MailboxView view, long uid, SortKey key) throws IOException, StorageException {
        String field = SORT_KEY + key.name().toLowerCase(Locale.ROOT);
        Optional<byte[]> hit = view.cache().get(uid, field);
        if (hit.isPresent() && hit.get().length % 2 == 0) {
            byte[] units = hit.get();
            char[] chars = new char[units.length / 2];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) ((units[2 * i] & 0xff) << 8 | units[2 * i + 1] & 0xff);
            }
            return new String(chars);
        }
        HeaderSummary h = headers(view, uid);
        String computed = Sorter.stringKey(key, h.subject(), h.from(), h.to(), h.cc());
        byte[] units = new byte[computed.length() * 2];
        for (int i = 0; i < computed.length(); i++) {
            units[2 * i] = (byte) (computed.charAt(i) >> 8);
            units[2 * i + 1] = (byte) computed.charAt(i);
        }
        view.cache().put(uid, field, units);
        return computed;
    }

    /**
     * What THREAD reads of a message: its Date header (epoch seconds, -1 when missing) and
     * {@link ThreadFacts}; cached, else computed from the header summary.
     */
    public static ThreadFactsCodec.Dated threadFacts(MailboxView view, long uid) throws IOException, StorageException {
        Optional<ThreadFactsCodec.Dated> hit = view.cache().get(uid, THREAD_FACTS).flatMap(ThreadFactsCodec::decode);
        if (hit.isPresent()) {
            return hit.get();
        }
        HeaderSummary h = headers(view, uid);
        ThreadFactsCodec.Dated facts = new ThreadFactsCodec.Dated(h.sentDate(),
                ThreadFacts.of(h.subject(), h.messageId(), h.inReplyTo(), h.references()));
        view.cache().put(uid, THREAD_FACTS, ThreadFactsCodec.encode(facts));
        return facts;
    }

    private static String text(byte[] wire) {
        return new String(wire, StandardCharsets.ISO_8859_1);
    }
}
