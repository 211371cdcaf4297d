package org.loftmail.pop3.impl.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.ViewMessage;

/**
 * The maildrop of one POP3 session (RFC 1939 section 4): INBOX as it was at login, numbered
 * 1..n, fixed for the whole session. Messages other sessions add later are not seen; messages
 * they expunge keep their number and fail when read. DELE only marks; {@link #update()} (QUIT)
 * sets {@code \Deleted} on the marked messages and expunges exactly those, then sets
 * {@code \Seen} on the retrieved ones.
 */
public final class Maildrop implements AutoCloseable {

    /** One message as listed at login. {@code size} counts every line end as CRLF. */
    public record Entry(long uid, long size, boolean seen, org.loftmail.api.storage.MessageMeta meta) {
    }

    private final MailboxView view;
    private final List<Entry> entries;
    private final long totalSize;
    private final BitSet deleted = new BitSet();
    private final BitSet retrieved = new BitSet();
    private String[] uidls;
    private long deletedSize;
    private int lastSeen;

    private Maildrop(MailboxView view, List<Entry> entries) {
        this.view = view;
        this.entries = entries;
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            total += entries.get(i).size();
            if (entries.get(i).seen()) {
                lastSeen = i + 1;
            }
        }
        this.totalSize = total;
    }

    /** Lists the messages of an open INBOX view. */
    public static Maildrop load(MailboxView view) throws StorageException {
        List<Entry> entries = new ArrayList<>();
        for (ViewMessage m : view.messages(UidSet.all())) {
            entries.add(new Entry(m.uid(), m.meta().virtualSize(), m.meta().flags().has(Flag.SEEN), m.meta()));
        }
        return new Maildrop(view, List.copyOf(entries));
    }

    /** Messages at login, deleted ones included. */
    public int count() {
        return entries.size();
    }

    public long totalSize() {
        return totalSize;
    }

    public int deletedCount() {
        return deleted.cardinality();
    }

    public long deletedSize() {
        return deletedSize;
    }

    /** The message with number {@code n} (1-based). */
    public Entry entry(int n) {
        return entries.get(n - 1);
    }

    public boolean isDeleted(int n) {
        return deleted.get(n - 1);
    }

    public void delete(int n) {
        if (!deleted.get(n - 1)) {
            deleted.set(n - 1);
            deletedSize += entry(n).size();
        }
    }

    /** RSET: unmarks every deleted message and forgets which were retrieved. */
    public void reset() {
        deleted.clear();
        deletedSize = 0;
        retrieved.clear();
        lastSeen = 0;
    }

    /** RETR of message {@code n}: it gets {@code \Seen} at the end of the session. */
    public void retrieved(int n) {
        if (!entry(n).seen()) {
            retrieved.set(n - 1);
        }
        lastSeen = Math.max(lastSeen, n);
    }

    /** The highest message number retrieved or seen (LAST, RFC 1460). */
    public int lastSeen() {
        return lastSeen;
    }

    /** RSET with {@code pop3_enable_last}: remove {@code \Seen} from all messages (RFC 1460). */
    public void unseeAll() throws StorageException {
        if (!entries.isEmpty()) {
            view.store(allUids(), FlagChange.remove(Flags.of(Flag.SEEN)));
        }
    }

    /** The message content; throws EXPUNGED when another session removed it. */
    public MessageContent content(int n) throws StorageException {
        return view.content(entry(n).uid());
    }

    /**
     * The UIDL of every message (computed once, on first use).
     *
     * @throws StorageException when a header needed by {@code %m} cannot be read
     */
    public String uidl(int n, String format) throws StorageException {
        if (uidls == null) {
            String[] all = new String[entries.size()];
            for (int i = 0; i < all.length; i++) {
                Entry e = entries.get(i);
                int number = i + 1;
                try {
                    all[i] = UidlFormat.uidl(format, view.uidValidity(), e.meta(), () -> headerMd5(number));
                } catch (UncheckedIOException x) {
                    if (x.getCause().getCause() instanceof StorageException se) {
                        throw se;
                    }
                    throw new StorageException(org.loftmail.api.storage.StorageError.INTERNAL,
                            "Reading the header of message " + number + " failed", x.getCause());
                }
            }
            uidls = all;
        }
        return uidls[n - 1];
    }

    private String headerMd5(int n) {
        try (InputStream in = content(n).header()) {
            return VarExpand.md5Hex(in.readAllBytes());
        } catch (StorageException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The UPDATE state: expunges the messages marked deleted (setting {@code \Deleted} first, so
     * only they go) and sets {@code \Seen} on retrieved ones unless {@code flagUpdates} is false.
     *
     * @return the UIDs expunged
     */
    public List<Long> update(boolean flagUpdates) throws StorageException {
        List<Long> expunged = List.of();
        if (!deleted.isEmpty()) {
            UidSet uids = uids(deleted);
            view.store(uids, FlagChange.add(Flags.of(Flag.DELETED)));
            expunged = view.expunge(uids);
        }
        if (flagUpdates) {
            applySeen();
        }
        return expunged;
    }

    /** Sets {@code \Seen} on retrieved messages (also when the client leaves without QUIT). */
    public void applySeen() throws StorageException {
        BitSet seen = (BitSet) retrieved.clone();
        seen.andNot(deleted);
        if (!seen.isEmpty()) {
            view.store(uids(seen), FlagChange.add(Flags.of(Flag.SEEN)));
        }
        retrieved.clear();
    }

    private UidSet uids(BitSet numbers) {
        List<Long> uids = new ArrayList<>();
        for (int i = numbers.nextSetBit(0); i >= 0; i = numbers.nextSetBit(i + 1)) {
            uids.add(entries.get(i).uid());
        }
        return UidSet.of(uids);
    }

    private UidSet allUids() {
        List<Long> uids = new ArrayList<>();
        for (Entry e : entries) {
            uids.add(e.uid());
        }
        return UidSet.of(uids);
    }

    @Override
    public void close() {
        view.close();
    }
}
