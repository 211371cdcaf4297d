package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Collectors;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.api.storage.spi.StoredMessage;

/**
 * One maildir as a {@link DriverMailbox}: the message list from {@link MaildirScan} (UIDs from
 * {@code dovecot-uidlist}, flags from file names), saves through {@link MessageSaver}, flag
 * changes through {@link FlagRenamer}, expunge by unlinking. A cold open takes the list from the
 * {@link MessageCache} when new/ and cur/ did not change. While the handle is open its new/ and
 * cur/ are watched ({@link MaildirWatcher}): {@link #revision()} then stays put for own changes
 * and moves for anyone else's. The core serialises calls on one instance except {@link #open},
 * which reads only the thread-safe path map and the directories; watch events arrive on the
 * watcher's thread and touch only {@link #generation}, {@link #expected} and volatile flags.
 */
final class MaildirMailbox implements DriverMailbox {
    private static final Logger LOG = LoggerFactory.getLogger(MaildirMailbox.class);

    private final String name;
    private final Path dir;
    private final MaildirUidList uidList;
    private final MaildirKeywords keywords;
    private final MaildirRevision revision;
    private final IndexFile index;
    private final CacheFile cacheLog;
    private final MessageSaver saver;
    private final MessageCache cache;
    private Map<String, MessageFacts> facts = new ConcurrentHashMap<>();
    /** UID to file as last seen; replaced whole by each listing, updated by own changes. */
    private volatile Map<Long, MaildirScan.Message> files = new ConcurrentHashMap<>();
    /** Whether the message cache was consulted (the first listing of this handle). */
    private boolean cacheConsulted;
    /** Bumped whenever {@link #files} changes. */
    private long filesVersion;
    /** What the cache file holds, as far as this handle knows (null: unknown or nothing). */
    private CacheState cached;
    /** The stamps of new/ and cur/ that {@link #files} reflects, and whether they were settled. */
    private Stamp listedNew = Stamp.MISSING;
    private Stamp listedCur = Stamp.MISSING;
    private boolean listedSettled;

    /** Watching new/ and cur/: changes by others bump {@link #generation} and call {@link #onExternalChange}. */
    private final List<MaildirWatcher.Registration> watches = new ArrayList<>();
    private volatile boolean watching;
    private final AtomicLong generation = new AtomicLong(System.nanoTime());
    /** Own entry changes whose watch events are still to come: "C new/name" / "D cur/name" to a count. */
    private final Map<String, Integer> expected = new ConcurrentHashMap<>();
    /** While watching: the stamps {@link #files} reflects (a listing's, moved on by own changes); null: none. */
    private Stamps known;
    /** Whether {@link #files} is exactly what {@link #known} describes (false between revision() and messages()). */
    private boolean filesMatchKnown;
    /** A watch event reported a change by others since the last listing started. */
    private volatile boolean externalSinceListing;
    private final Runnable onExternalChange;
    private final List<Runnable> externalListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The stamps of everything a listing depends on. */
    record Stamps(Stamp newDir, Stamp curDir, Stamp uidlist, Stamp keywords) {
    }

    MaildirMailbox(String name, Path dir, Path control, MaildirDelivery delivery) throws IOException {
        this(name, dir, control, control, delivery, null, () -> { });
    }

    /**
     * @param control the directory of {@code dovecot-uidlist} and {@code dovecot-keywords}
     * @param indexDir the directory of {@code loft-index} and {@code loft-messages} (created when
     *     first written), or null to keep them in memory only ({@code INDEX=MEMORY})
     * @param watcher watches new/ and cur/ while this handle is open, or null for none
     * @param onExternalChange called (on the watcher's thread) when another process changed new/ or cur/
     */
    MaildirMailbox(String name, Path dir, Path control, Path indexDir, MaildirDelivery delivery,
            MaildirWatcher watcher, Runnable onExternalChange) throws IOException {
        this.name = name;
        this.dir = dir;
        this.uidList = MaildirUidList.open(control);
        this.keywords = MaildirKeywords.read(control);
        this.revision = new MaildirRevision(dir, control);
        this.index = new IndexFile(indexDir);
        this.cacheLog = new CacheFile(indexDir);
        this.saver = new MessageSaver(dir, delivery, uidList, keywords);
        this.cache = new MessageCache(indexDir);
        this.onExternalChange = onExternalChange;
        if (watcher != null) {
            watch(watcher);
        }
    }

    private void watch(MaildirWatcher watcher) {
        try {
            for (String sub : List.of("new", "cur")) {
                watches.add(watcher.register(dir.resolve(sub), new Sink(sub)));
            }
            watching = true;
        } catch (IOException | RuntimeException cannotWatch) {
            // e.g. out of inotify watches: stamps alone, as without a watcher
            LOG.debug("Cannot watch {}: {}", dir, cannotWatch.toString());
            unwatch();
        }
    }

    private void unwatch() {
        watching = false;
        watches.forEach(MaildirWatcher.Registration::cancel);
        watches.clear();
    }

    /** Whether new/ and cur/ are being watched (for tests). */
    boolean watching() {
        return watching;
    }

    /** Events of one directory: own changes (expected) are skipped, anything else is a change by others. */
    private final class Sink implements MaildirWatcher.Sink {
        private final String sub;

        Sink(String sub) {
            this.sub = sub;
        }

        @Override
        public void entry(WatchEvent.Kind<?> kind, String file, int count) {
            if (file.startsWith(".")) {
                return; // not a message: listings skip these too
            }
            String key = (kind == StandardWatchEventKinds.ENTRY_CREATE ? "C " : "D ") + sub + "/" + file;
            int unmatched = count;
            while (unmatched > 0 && consume(key)) {
                unmatched--;
            }
            if (unmatched > 0) {
                externalChange();
            }
        }

        @Override
        public void lost(boolean valid) {
            if (!valid) {
                watching = false;
            }
            externalChange();
        }
    }

    private boolean consume(String key) {
        boolean[] hit = {false};
        expected.computeIfPresent(key, (k, n) -> {
            hit[0] = true;
            return n > 1 ? n - 1 : null;
        });
        return hit[0];
    }

    private void expect(char kind, Path file) {
        if (expected.size() > 10_000) {
            expected.clear(); // events of failed own changes that never came: at worst one extra reread
        }
        if (watching) {
            expected.merge(kind + " " + file.getParent().getFileName() + "/" + file.getFileName(), 1, Integer::sum);
        }
    }

    private void externalChange() {
        externalSinceListing = true;
        generation.incrementAndGet();
        try {
            onExternalChange.run();
            externalListeners.forEach(Runnable::run);
        } catch (RuntimeException e) {
            LOG.warn("Change listener of {} failed", name, e);
        }
    }

    @Override
    public void onExternalChange(Runnable listener) {
        externalListeners.add(listener);
    }

    private Stamps stamps() throws IOException {
        return new Stamps(Stamp.of(dir.resolve("new")), Stamp.of(dir.resolve("cur")), Stamp.of(uidList.file()),
                Stamp.of(keywords.file()));
    }

    String name() {
        return name;
    }

    @Override
    public long uidValidity() {
        return uidList.uidValidity();
    }

    @Override
    public long nextUid() throws StorageException {
        try {
            uidList.refresh();
            return uidList.nextUid();
        } catch (IOException e) {
            throw StorageErrors.io("Cannot read the uidlist of " + name, e);
        }
    }

    /**
     * While watching: unchanged as long as new/, cur/, the uidlist and the keywords have the stamps
     * the last listing saw (as moved on by this handle's own changes) and no watch event reported a
     * change by another process; stamps catch changes at once, events catch those a coarse mtime
     * hides (same tick). Without a watcher: {@link MaildirRevision}, where a fresh stamp is never
     * trusted.
     */
    @Override
    public long revision() throws StorageException {
        try {
            if (!watching) {
                return revision.current();
            }
            Stamps now = stamps();
            if (!now.equals(known)) {
                // the core rereads messages() on a new value, which lists again and records its stamps
                known = now;
                filesMatchKnown = false;
                return generation.incrementAndGet();
            }
            return generation.get();
        } catch (IOException e) {
            throw StorageErrors.io("Cannot stat " + name, e);
        }
    }

    /**
     * The message list. The first call of a handle (a cold open) takes the files from the message
     * cache when {@code new/} and {@code cur/} are unchanged since it was written; otherwise, and
     * on later calls, it lists both directories. Facts come from memory or the cache; only files
     * neither knows are stat'ed.
     */
    @Override
    public List<StoredMessage> messages() throws StorageException {
        try {
            externalSinceListing = false;
            filesMatchKnown = false;
            Stamp uidlistStamp = Stamp.of(uidList.file());
            Stamp keywordsStamp = Stamp.of(keywords.file());
            keywords.reload();
            Map<String, MessageCache.Entry> cachedEntries = Map.of();
            Map<String, MaildirScan.Message> byBase = null;
            MessageCache.Content fromCache = null;
            if (!cacheConsulted) {
                cacheConsulted = true;
                MessageCache.Content c = cache.read();
                if (c != null) {
                    cachedEntries = new HashMap<>(c.entries().size() * 2);
                    for (MessageCache.Entry e : c.entries()) {
                        cachedEntries.put(MaildirFilename.parse(e.fileName()).base(), e);
                    }
                    if (c.settled() && c.newDir().equals(Stamp.of(dir.resolve("new")))
                            && c.curDir().equals(Stamp.of(dir.resolve("cur")))) {
                        byBase = new HashMap<>(cachedEntries.size() * 2);
                        for (Map.Entry<String, MessageCache.Entry> e : cachedEntries.entrySet()) {
                            MessageCache.Entry ce = e.getValue();
                            Path p = dir.resolve(ce.inNew() ? "new" : "cur").resolve(ce.fileName());
                            byBase.put(e.getKey(), new MaildirScan.Message(0, p, MaildirFilename.parse(ce.fileName()),
                                    ce.inNew(), false));
                        }
                        fromCache = c;
                    }
                }
            }
            MaildirScan.Listing listing = null;
            if (byBase == null) {
                listing = MaildirScan.listStable(dir);
                byBase = listing.byBase();
            }
            List<MaildirScan.Message> scanned = MaildirScan.assign(byBase, uidList, Set.of());
            if (facts.isEmpty() && scanned.size() > 64) {
                facts = new ConcurrentHashMap<>(scanned.size() * 4 / 3 + 16);
            }
            Map<Long, MaildirScan.Message> seen = new ConcurrentHashMap<>(scanned.size() * 4 / 3 + 16);
            Map<String, Flags> flagsByLetters = new HashMap<>(); // most messages share a few combinations
            List<StoredMessage> out = new ArrayList<>(scanned.size());
            for (MaildirScan.Message m : scanned) {
                MessageFacts f = facts(m, cachedEntries);
                if (f != null) {
                    Flags flags = flagsByLetters.computeIfAbsent(m.name().flagLetters(),
                            letters -> FlagMapping.toFlags(m.name(), keywords));
                    out.add(new StoredMessage(m.uid(), flags, f.internalDate(),
                            f.saveDate(), f.size(), f.vsize(), f.guid()));
                    seen.put(m.uid(), m);
                }
            }
            if (facts.size() > seen.size()) {
                facts.keySet().retainAll(seen.values().stream().map(m -> m.name().base()).collect(Collectors.toSet()));
            }
            if (!seen.equals(files)) {
                filesVersion++;
            }
            files = seen;
            if (listing != null) {
                listedNew = listing.newDir();
                listedCur = listing.curDir();
                listedSettled = listing.settled() && seen.size() == scanned.size();
                if (listedSettled) {
                    writeCache(); // a settled listing: the next cold open may trust it
                }
            } else {
                listedNew = fromCache.newDir();
                listedCur = fromCache.curDir();
                listedSettled = true;
                cached = new CacheState(listedNew, listedCur, true, filesVersion); // exactly this list
            }
            known = new Stamps(listedNew, listedCur, uidlistStamp, keywordsStamp);
            filesMatchKnown = seen.size() == scanned.size();
            return out;
        } catch (IOException e) {
            known = null;
            generation.incrementAndGet(); // the core's next refresh must list again
            throw StorageErrors.io("Cannot list " + name, e);
        }
    }

    /** The facts of a listed file: cached in memory or in the cache file, else read; null when it vanished. */
    private MessageFacts facts(MaildirScan.Message m, Map<String, MessageCache.Entry> cachedEntries) throws IOException {
        String base = m.name().base();
        MessageFacts f = facts.get(base);
        if (f != null) {
            return f;
        }
        Optional<UidListEntry> entry = uidList.byBase(base);
        MessageCache.Entry ce = cachedEntries.get(base);
        if (ce != null) {
            f = new MessageFacts(ce.internalDate(), ce.saveDate(), ce.size(), ce.vsize(),
                    entry.flatMap(UidListEntry::guid).orElse(base));
            facts.put(base, f);
            return f;
        }
        try {
            f = MessageFacts.of(m.path(), m.name(), entry);
        } catch (NoSuchFileException renamed) {
            Optional<Path> now = MessageFiles.locate(dir, base);
            if (now.isEmpty()) {
                return null;
            }
            f = MessageFacts.of(now.get(), MaildirFilename.parse(now.get().getFileName().toString()), entry);
        }
        facts.put(base, f);
        return f;
    }

    /**
     * Writes the message cache when it does not hold the current list: trusted by the next cold
     * open only when {@link #files} is exactly a listing whose stamps were settled.
     */
    private void writeCache() throws IOException {
        CacheState next = new CacheState(listedNew, listedCur, listedSettled, filesVersion);
        if (next.equals(cached) || (cached != null && cached.version() == filesVersion && !listedSettled)) {
            return;
        }
        List<MessageCache.Entry> entries = new ArrayList<>(files.size());
        for (MaildirScan.Message m : files.values()) {
            MessageFacts f = facts.get(m.name().base());
            if (f == null) {
                return; // not a consistent list (cannot happen after a listing)
            }
            entries.add(new MessageCache.Entry(m.uid(), m.inNew(), m.name().fileName(), f.size(), f.vsize(),
                    f.internalDate(), f.saveDate()));
        }
        cache.write(new MessageCache.Content(listedNew, listedCur, listedSettled, entries));
        cached = next;
    }

    /**
     * While watching, a list kept up to date by own changes is as good as a settled listing once
     * the directories still have the known stamps, those are older than {@link Stamp#SETTLE} and no
     * watch event reported a change by others since the last listing: a change hidden in the
     * stamps' tick would have been reported long ago, and any later change moves a stamp. Then the
     * cache may be written trusted, so the next cold open needs no listing.
     */
    private void settleOwnChanges() throws IOException {
        if (!watching || known == null || !filesMatchKnown || externalSinceListing || listedSettled) {
            return;
        }
        Instant now = Instant.now();
        Stamp n = Stamp.of(dir.resolve("new"));
        Stamp c = Stamp.of(dir.resolve("cur"));
        if (n.equals(known.newDir()) && c.equals(known.curDir()) && n.settledAt(now) && c.settledAt(now)
                && watching && !externalSinceListing) {
            listedNew = n;
            listedCur = c;
            listedSettled = true;
        }
    }

    /** What a cache file written by this handle holds: its stamps, whether trusted, which list. */
    private record CacheState(Stamp newDir, Stamp curDir, boolean settled, long version) {
    }

    @Override
    public StoredMessage save(InputStream content, SaveRequest request) throws StorageException {
        boolean matched = filesMatchKnown;
        filesMatchKnown = false; // until the change is done and taken
        MessageSaver.Saved saved = saver.save(content, request, name, dest -> expect('C', dest));
        facts.put(saved.file().name().base(), saved.facts());
        files.put(saved.file().uid(), saved.file());
        ownChange();
        MaildirUidList.AppendStamps uids = uidList.lastAppend();
        if (known != null && uids != null && uids.before().equals(known.uidlist())) {
            // nobody else wrote the uidlist between our last look and our append (both under its lock)
            known = new Stamps(known.newDir(), known.curDir(), uids.after(), known.keywords());
        }
        adoptOwnChanges(matched);
        return saved.stored();
    }

    @Override
    public void setFlags(Map<Long, Flags> flags) throws StorageException {
        try {
            boolean matched = filesMatchKnown;
            filesMatchKnown = false;
            new FlagRenamer(dir, keywords, (from, to) -> {
                expect('D', from);
                expect('C', to);
            }).rename(flags, files);
            ownChange();
            adoptOwnChanges(matched);
        } catch (IOException e) {
            throw StorageErrors.io("Cannot change flags in " + name, e);
        }
    }

    @Override
    public void expunge(Collection<Long> uids) throws StorageException {
        try {
            boolean matched = filesMatchKnown;
            filesMatchKnown = false;
            for (Long uid : uids) {
                MaildirScan.Message m = files.remove(uid);
                if (m != null) {
                    MessageFiles.unlink(dir, m, p -> expect('D', p));
                }
            }
            ownChange();
            adoptOwnChanges(matched);
        } catch (IOException e) {
            throw StorageErrors.io("Cannot expunge in " + name, e);
        }
    }

    @Override
    public InputStream open(long uid, long offset) throws StorageException, IOException {
        MaildirScan.Message m = files.get(uid);
        FileChannel ch = m == null ? null : MessageFiles.open(dir, m).orElse(null);
        if (ch == null) {
            throw expunged(uid);
        }
        try {
            ch.position(offset);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return Channels.newInputStream(ch);
    }

    /**
     * While watching, takes the directories' stamps after an own change as known: a change another
     * process made meanwhile is still reported by its watch event, so nothing is missed, and the
     * core does not reread the whole list for our own change. Keyword changes (rare) are not taken.
     */
    private void adoptOwnChanges(boolean filesMatchedKnown) {
        if (!watching || known == null) {
            return;
        }
        try {
            known = new Stamps(Stamp.of(dir.resolve("new")), Stamp.of(dir.resolve("cur")), known.uidlist(),
                    known.keywords());
            filesMatchKnown = filesMatchedKnown;
        } catch (IOException e) {
            known = null;
            filesMatchKnown = false;
        }
    }

    /** {@link #files} now differs from the last listing: a cache written from it is not trusted. */
    private void ownChange() {
        filesVersion++;
        listedSettled = false;
    }

    private StorageException expunged(long uid) {
        return new StorageException(StorageError.EXPUNGED, "Message " + uid + " was expunged from " + name);
    }

    @Override
    public byte[] readIndex() throws StorageException {
        try {
            return index.read();
        } catch (IOException e) {
            throw StorageErrors.io("Cannot read the index of " + name, e);
        }
    }

    @Override
    public void writeIndex(byte[] blob) throws StorageException {
        try {
            index.write(blob);
            if (cacheConsulted) {
                settleOwnChanges();
                writeCache(); // the core keeps its state: keep the facts too (untrusted unless settled)
            }
        } catch (IOException e) {
            throw StorageErrors.io("Cannot write the index of " + name, e);
        }
    }

    @Override
    public InputStream readCache() throws StorageException {
        try {
            return cacheLog.read();
        } catch (IOException e) {
            throw StorageErrors.io("Cannot read the message cache of " + name, e);
        }
    }

    @Override
    public void appendCache(byte[] records) throws StorageException {
        try {
            cacheLog.append(records);
        } catch (IOException e) {
            throw StorageErrors.io("Cannot append to the message cache of " + name, e);
        }
    }

    @Override
    public void writeCache(byte[] log) throws StorageException {
        try {
            cacheLog.replace(log);
        } catch (IOException e) {
            throw StorageErrors.io("Cannot write the message cache of " + name, e);
        }
    }

    /** Stops watching and lets go of the uidlist's open file; a later call opens it again. */
    void close() {
        unwatch();
        try {
            uidList.close();
        } catch (IOException ignored) {
            // only a read channel: nothing to lose
        }
    }
}
