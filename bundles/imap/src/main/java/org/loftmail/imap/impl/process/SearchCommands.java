package org.loftmail.imap.impl.process;

import java.io.IOException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.ViewMessage;
import org.loftmail.core.imap.SortCriterion;
import org.loftmail.core.imap.SortKey;
import org.loftmail.core.imap.Sorter;
import org.loftmail.core.imap.ThreadMessage;
import org.loftmail.core.imap.Threader;
import org.loftmail.imap.impl.encode.EsearchResult;
import org.loftmail.imap.impl.encode.ResponseCode;
import org.loftmail.imap.impl.encode.StatusResponse;
import org.loftmail.imap.impl.fetch.MessageCache;
import org.loftmail.imap.impl.request.SearchKey;
import org.loftmail.imap.impl.request.SearchRequest;
import org.loftmail.imap.impl.request.SearchReturn;
import org.loftmail.imap.impl.request.SortRequest;
import org.loftmail.imap.impl.request.ThreadRequest;
import org.loftmail.imap.impl.search.SearchCandidate;
import org.loftmail.imap.impl.search.SearchCharsets;
import org.loftmail.imap.impl.search.SearchEvaluator;
import org.loftmail.imap.impl.search.SearchScope;
import org.loftmail.imap.impl.session.ImapSession;
import org.loftmail.imap.impl.session.Selected;

/**
 * SEARCH (RFC 3501 6.4.4) with ESEARCH (RFC 4731), SEARCHRES (RFC 5182) and MODSEQ (RFC 7162);
 * SORT and THREAD (RFC 5256) on the messages a search key selects.
 */
final class SearchCommands {

    private SearchCommands() {
    }

    static StatusResponse search(ImapSession s, SearchRequest r) throws StorageException {
        List<ViewMessage> found;
        try {
            found = matching(s, r.key(), r.charset());
        } catch (UnsupportedCharsetException e) {
            return badCharset(r.tag());
        }
        boolean modseqKey = usesModseq(r.key());
        if (modseqKey) {
            s.enabled().add("CONDSTORE");
        }
        Long highest = modseqKey && !found.isEmpty()
                ? found.stream().mapToLong(m -> m.meta().modseq()).max().getAsLong() : null;
        long[] numbers = found.stream().mapToLong(m -> r.uid() ? m.uid() : m.seq()).toArray();
        if (!r.extended()) {
            s.out().search(numbers, highest);
            return StatusResponse.ok(r.tag(), "Search completed.");
        }
        Set<SearchReturn> ret = r.returns();
        if (ret.contains(SearchReturn.SAVE)) {
            s.saved(savedPart(found, ret));
        }
        if (!(ret.size() == 1 && ret.contains(SearchReturn.SAVE))) {
            boolean none = numbers.length == 0;
            s.out().esearch(new EsearchResult(r.tag(), r.uid(),
                    ret.contains(SearchReturn.MIN) && !none ? numbers[0] : null,
                    ret.contains(SearchReturn.MAX) && !none ? numbers[numbers.length - 1] : null,
                    ret.contains(SearchReturn.ALL) ? numbers : null,
                    ret.contains(SearchReturn.COUNT) ? (long) numbers.length : null,
                    highest));
        }
        return StatusResponse.ok(r.tag(), "Search completed.");
    }

    /** RFC 5182 2.1: with MIN and/or MAX (and no ALL or COUNT) only those messages are saved. */
    private static List<Long> savedPart(List<ViewMessage> found, Set<SearchReturn> ret) {
        boolean minMaxOnly = (ret.contains(SearchReturn.MIN) || ret.contains(SearchReturn.MAX))
                && !ret.contains(SearchReturn.ALL) && !ret.contains(SearchReturn.COUNT);
        if (!minMaxOnly || found.isEmpty()) {
            return found.stream().map(ViewMessage::uid).toList();
        }
        java.util.TreeSet<Long> uids = new java.util.TreeSet<>();
        if (ret.contains(SearchReturn.MIN)) {
            uids.add(found.get(0).uid());
        }
        if (ret.contains(SearchReturn.MAX)) {
            uids.add(found.get(found.size() - 1).uid());
        }
        return List.copyOf(uids);
    }

    static StatusResponse sort(ImapSession s, SortRequest r) throws StorageException {
        List<ViewMessage> found;
        try {
            found = matching(s, r.key(), r.charset());
        } catch (UnsupportedCharsetException e) {
            return badCharset(r.tag());
        }
        Selected sel = s.selected();
        List<SortCriterion> criteria = r.criteria().stream()
                .map(c -> new SortCriterion(SortKey.valueOf(c.key().name()), c.reverse())).toList();
        long[] sorted = AnswerMemo.answer(sel.view().cache(), sel.view().uidValidity(), "SORT " + criteria,
                ids(found, r.uid()), ids(found, true), () -> sorted(sel, found, criteria, r.uid()));
        s.out().sort(sorted, null);
        return StatusResponse.ok(r.tag(), "Sort completed.");
    }

    private static long[] sorted(Selected sel, List<ViewMessage> found, List<SortCriterion> criteria, boolean byUid)
            throws StorageException {
        try {
            return Sorter.sort(found, criteria, new CachedSortKeys(sel.view(), byUid));
        } catch (UncheckedStorageException e) {
            throw e.getCause();
        }
    }

    /** SORT keys of the view's messages: numbers from the index, strings from the message cache. */
    private record CachedSortKeys(MailboxView view, boolean byUid) implements Sorter.Keys<ViewMessage> {

        @Override
        public long id(ViewMessage m) {
            return byUid ? m.uid() : m.seq();
        }

        @Override
        public long number(ViewMessage m, SortKey key) {
            return switch (key) {
                case ARRIVAL -> m.meta().internalDate().getEpochSecond();
                case SIZE -> m.meta().size();
                case DATE -> sentDate(cached(m, () -> MessageCache.sentDate(view, m.uid())), m);
                default -> throw new IllegalArgumentException("not a numeric key: " + key);
            };
        }

        @Override
        public String string(ViewMessage m, SortKey key) {
            return cached(m, () -> MessageCache.sortKey(view, m.uid(), key));
        }

        private static <T> T cached(ViewMessage m, CacheRead<T> read) {
            try {
                return read.read();
            } catch (IOException e) {
                throw new UncheckedStorageException(new StorageException(StorageError.INTERNAL,
                        "reading message " + m.uid() + ": " + e, e));
            } catch (StorageException e) {
                throw new UncheckedStorageException(e);
            }
        }
    }

    @FunctionalInterface
    private interface CacheRead<T> {
        T read() throws IOException, StorageException;
    }

    /** Carries a storage failure out of the sorter's key callbacks. */
    private static final class UncheckedStorageException extends RuntimeException {
        UncheckedStorageException(StorageException cause) {
            super(cause);
        }

        @Override
        public synchronized StorageException getCause() {
            return (StorageException) super.getCause();
        }
    }

    static StatusResponse thread(ImapSession s, ThreadRequest r) throws StorageException {
        String algorithm = r.algorithm().toUpperCase(java.util.Locale.ROOT);
        if (!algorithm.equals("REFERENCES") && !algorithm.equals("ORDEREDSUBJECT")) {
            return StatusResponse.bad(r.tag(), "Error in IMAP command THREAD: Unknown thread algorithm");
        }
        List<ViewMessage> found;
        try {
            found = matching(s, r.key(), r.charset());
        } catch (UnsupportedCharsetException e) {
            return badCharset(r.tag());
        }
        Selected sel = s.selected();
        s.out().thread(AnswerMemo.answer(sel.view().cache(), sel.view().uidValidity(), "THREAD " + algorithm,
                ids(found, r.uid()), ids(found, true),
                () -> threads(sel, found, algorithm, r.uid())));
        return StatusResponse.ok(r.tag(), "Thread completed.");
    }

    private static String threads(Selected sel, List<ViewMessage> found, String algorithm,
            boolean byUid) throws StorageException {
        List<ThreadMessage> rows = new ArrayList<>(found.size());
        MailboxView view = sel.view();
        for (ViewMessage m : found) {
            try {
                var t = MessageCache.threadFacts(view, m.uid());
                rows.add(new ThreadMessage(byUid ? m.uid() : m.seq(), sentDate(t.sentDate(), m), t.facts()));
            } catch (IOException e) {
                throw new StorageException(StorageError.INTERNAL, "reading message " + m.uid() + ": " + e, e);
            }
        }
        return algorithm.equals("REFERENCES") ? Threader.references(rows) : Threader.orderedSubject(rows);
    }

    /** The UIDs, or the sequence numbers, of the messages. */
    private static long[] ids(List<ViewMessage> found, boolean byUid) {
        return found.stream().mapToLong(m -> byUid ? m.uid() : m.seq()).toArray();
    }

    /** RFC 5256's sent date: the Date header, or the internal date when it is missing or broken. */
    private static long sentDate(long headerDate, ViewMessage m) {
        return headerDate < 0 ? m.meta().internalDate().getEpochSecond() : headerDate;
    }

    /** The messages of the view that match the key, in sequence order. */
    private static List<ViewMessage> matching(ImapSession s, SearchKey key, String charset) throws StorageException {
        Selected sel = s.selected();
        MailboxView view = sel.view();
        Set<Long> saved = new HashSet<>(s.saved());
        SearchEvaluator evaluator = SearchEvaluator.compile(key, charset,
                new SearchScope(view.size(), sel.maxUid(), saved::contains));
        // user, mailbox and UIDVALIDITY name a message with its UID for ever (the original
        // in-memory cache's key), and unlike the cache object they pin no mailbox in memory
        Object scope = List.of(s.user(), sel.name(), view.uidValidity());
        List<ViewMessage> all = view.messages(sel.all());
        boolean[] hit = new boolean[all.size()];
        if (evaluator.needsBody() && all.size() >= PARALLEL_FROM && WORKERS > 1) {
            evaluateInParallel(evaluator, view, all, scope, hit);
        } else {
            for (int i = 0; i < all.size(); i++) {
                hit[i] = evaluate(evaluator, view, all.get(i), scope);
            }
        }
        List<ViewMessage> out = new ArrayList<>();
        for (int i = 0; i < hit.length; i++) {
            if (hit[i]) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    /** Body searches read every file: with several cores, that many virtual threads share the messages. */
    private static final int WORKERS = Math.min(4, Runtime.getRuntime().availableProcessors());
    private static final int PARALLEL_FROM = 64;

    /**
     * The session thread waits meanwhile, so the view is only read; the evaluator is immutable
     * and the storage's content and cache are thread-safe.
     */
    private static void evaluateInParallel(SearchEvaluator evaluator, MailboxView view, List<ViewMessage> all,
            Object scope, boolean[] hit) throws StorageException {
        AtomicInteger next = new AtomicInteger();
        List<Future<Void>> workers = new ArrayList<>();
        Throwable failure = null;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < WORKERS; w++) {
                workers.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < all.size(); ) {
                        hit[i] = evaluate(evaluator, view, all.get(i), scope);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : workers) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    next.set(all.size()); // the other workers stop at their next message
                    failure = failure == null ? e.getCause() : failure;
                } catch (InterruptedException e) {
                    next.set(all.size());
                    Thread.currentThread().interrupt();
                    failure = e;
                }
            }
        }
        if (failure instanceof StorageException se) {
            throw se;
        }
        if (failure != null) {
            throw new StorageException(StorageError.INTERNAL, "search failed: " + failure, failure);
        }
    }

    /** Whether one message matches; an expunged one (gone meanwhile) does not. */
    private static boolean evaluate(SearchEvaluator evaluator, MailboxView view, ViewMessage m, Object scope)
            throws StorageException {
        try {
            return evaluator.matches(candidate(view, m, scope));
        } catch (StorageException e) {
            if (e.error() != StorageError.EXPUNGED) {
                throw e;
            }
            return false;
        }
    }

    private static SearchCandidate candidate(MailboxView view, ViewMessage m, Object scope) {
        return new SearchCandidate() {
            @Override
            public int seq() {
                return m.seq();
            }

            @Override
            public MessageMeta meta() {
                return m.meta();
            }

            @Override
            public boolean recent() {
                return m.recent();
            }

            @Override
            public MessageContent content() throws StorageException {
                return view.content(m.uid());
            }

            @Override
            public Optional<byte[]> cached(String field) {
                return view.cache().get(m.uid(), field);
            }

            @Override
            public void cache(String field, byte[] value) {
                view.cache().put(m.uid(), field, value);
            }

            @Override
            public Object cacheScope() {
                return scope;
            }
        };
    }

    private static boolean usesModseq(SearchKey key) {
        return switch (key) {
            case SearchKey.ModSeq m -> true;
            case SearchKey.Not n -> usesModseq(n.key());
            case SearchKey.Or o -> usesModseq(o.left()) || usesModseq(o.right());
            case SearchKey.And a -> a.keys().stream().anyMatch(SearchCommands::usesModseq);
            default -> false;
        };
    }

    private static StatusResponse badCharset(String tag) {
        return StatusResponse.no(tag, ResponseCode.badCharset(SearchCharsets.ADVERTISED), "Unknown charset");
    }
}
