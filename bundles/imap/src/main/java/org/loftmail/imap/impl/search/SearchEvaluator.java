package org.loftmail.imap.impl.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.imap.impl.request.SearchKey;
import org.loftmail.imap.impl.request.SequenceSet;

/**
 * A search key compiled for one SEARCH command (RFC 3501 6.4.4, RFC 7162 MODSEQ, RFC 5182
 * {@code $}), matching Dovecot 2.3:
 * <ul>
 * <li>Flags: system flags and {@code \Recent} as the parser gives them; keywords compare
 * ASCII-case-insensitively (Dovecot's keyword names are case-insensitive).</li>
 * <li>Sequence sets: {@code *} is {@link SearchScope#exists()}, UID sets: {@code *} is
 * {@link SearchScope#maxUid()}; ranges match in either order ({@code 5:2} is {@code 2:5}).
 * {@code UID 9:*} matches the last message even when 9 is above its UID (RFC 3501 6.4.8), but
 * {@code 9:*} matches nothing when there are fewer than 9 messages (what Dovecot does).
 * {@code $} (either shape) matches the saved UIDs.</li>
 * <li>LARGER and SMALLER compare RFC822.SIZE ({@link MessageMeta#virtualSize()}), strictly.</li>
 * <li>BEFORE, ON, SINCE compare the date of the internal date in the server's time zone;
 * SENTBEFORE, SENTON, SENTSINCE the date written in the first Date: field, in its own zone
 * (see {@link SentDate}); without a parsable Date: the sent date is 1 January 1970, like in
 * Dovecot.</li>
 * <li>MODSEQ: the message's MODSEQ is at least the value; an entry name is accepted and the
 * message MODSEQ used for it (RFC 7162 3.1.5 allows this when no per-flag MODSEQ is kept).</li>
 * <li>HEADER, FROM, TO, CC, BCC, SUBJECT: substring of any field of that name (of the message
 * header, not of MIME parts), the value unfolded and RFC 2047-decoded. From, To, Cc and Bcc also
 * match in the address list as Dovecot rewrites it ({@link AddressForm}), Subject also with runs
 * of blanks compressed. An empty string matches when the field exists.</li>
 * <li>BODY and TEXT: substring of body text as {@link MessageReader} defines it; TEXT also of
 * every header field ({@code Name: value}) of the message and its parts. An empty string
 * matches every message.</li>
 * </ul>
 * Strings compare under i;unicode-casemap ({@link CaseFold}). The search strings come decoded
 * from the parser (with the CHARSET of the command), so the charset only has to be known.
 *
 * <p>Keys are reordered so that metadata keys run first, header keys next and body keys last;
 * the content is thus only read when the cheap keys have not decided, {@link MessageContent#header()}
 * is read at most once and {@link MessageContent#open()} at most once per {@link #matches} call.
 * The fields FROM, TO, CC, BCC and SUBJECT (also as HEADER keys) read come from the mailbox's
 * cache when it has them ({@link SearchedFields}); no file is read then.
 * Instances are immutable and may be shared between threads.
 */
public final class SearchEvaluator {

    private static final int META = 0;
    private static final int HEADER = 1;
    private static final int BODY = 2;

    private final Node root;
    private final String[] needles;
    private final boolean[] headerToo;

    private SearchEvaluator(Node root, List<String> needles, List<Boolean> headerToo) {
        this.root = root;
        this.needles = needles.toArray(String[]::new);
        this.headerToo = new boolean[needles.size()];
        for (int i = 0; i < this.headerToo.length; i++) {
            this.headerToo[i] = headerToo.get(i);
        }
    }

    /**
     * Compiles a key, with internal dates taken in the server's default time zone.
     *
     * @param charset the CHARSET argument, null when absent (UTF-8)
     * @throws UnsupportedCharsetException when {@link SearchCharsets#supported} says no: answer
     *         {@code NO [BADCHARSET (UTF-8 US-ASCII)]}
     */
    public static SearchEvaluator compile(SearchKey key, String charset, SearchScope scope) {
        return compile(key, charset, scope, ZoneId.systemDefault());
    }

    /** Like {@link #compile(SearchKey, String, SearchScope)} with internal dates taken in {@code zone}. */
    public static SearchEvaluator compile(SearchKey key, String charset, SearchScope scope, ZoneId zone) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(zone, "zone");
        if (!SearchCharsets.supported(charset)) {
            throw new UnsupportedCharsetException(charset);
        }
        Compiler c = new Compiler(scope, zone);
        Node root = c.compile(key);
        return new SearchEvaluator(root, c.needles, c.headerToo);
    }

    /** Whether the message matches the key. */
    public boolean matches(SearchCandidate message) throws StorageException {
        return root.test.test(new Context(message));
    }

    /** True when some key needs the body text (BODY, TEXT): every candidate's file is read. */
    public boolean needsBody() {
        return root.cost >= BODY;
    }

    /** True when some key needs the message content (header or body); false when the session can skip opening files. */
    public boolean needsContent() {
        return root.cost > META;
    }

    /** A compiled key: how expensive it is at worst, and its test. */
    private record Node(int cost, Test test) {
    }

    @FunctionalInterface
    private interface Test {
        boolean test(Context c) throws StorageException;
    }

    private static final class Compiler {
        private final SearchScope scope;
        private final ZoneId zone;
        final List<String> needles = new ArrayList<>();
        final List<Boolean> headerToo = new ArrayList<>();

        Compiler(SearchScope scope, ZoneId zone) {
            this.scope = scope;
            this.zone = zone;
        }

        Node compile(SearchKey key) {
            return switch (key) {
                case SearchKey.All a -> new Node(META, c -> true);
                case SearchKey.HasFlag f -> flag(f.flag(), f.present());
                case SearchKey.Header h -> header(h.field(), h.value());
                case SearchKey.Text t -> text(t.value(), t.bodyOnly());
                case SearchKey.Date d -> date(d);
                case SearchKey.Size s -> s.larger()
                        ? new Node(META, c -> c.meta().virtualSize() > s.size())
                        : new Node(META, c -> c.meta().virtualSize() < s.size());
                case SearchKey.Sequence s -> sequence(s.set(), false);
                case SearchKey.Uid u -> sequence(u.set(), true);
                case SearchKey.ModSeq m -> new Node(META, c -> c.meta().modseq() >= m.modSeq());
                case SearchKey.Not n -> {
                    Node inner = compile(n.key());
                    yield new Node(inner.cost, c -> !inner.test.test(c));
                }
                case SearchKey.Or o -> or(ordered(operands(o, SearchKey.Or.class)));
                case SearchKey.And a -> and(ordered(operands(a, SearchKey.And.class)));
            };
        }

        /** The compiled keys, cheapest first (the order of equally cheap keys kept). */
        private List<Node> ordered(List<SearchKey> keys) {
            List<Node> nodes = new ArrayList<>(keys.size());
            for (SearchKey k : keys) {
                nodes.add(compile(k));
            }
            nodes.sort(Comparator.comparingInt(Node::cost));
            return nodes;
        }

        /**
         * The operands of nested ORs (or nested ANDs) as one list, so that the cheapest of them
         * all is tried first: {@code OR BODY x OR TEXT y UID 1} tries the UID first.
         */
        private static List<SearchKey> operands(SearchKey key, Class<? extends SearchKey> kind) {
            List<SearchKey> out = new ArrayList<>();
            collect(key, kind, out);
            return out;
        }

        private static void collect(SearchKey key, Class<? extends SearchKey> kind, List<SearchKey> out) {
            if (kind.isInstance(key)) {
                List<SearchKey> children = key instanceof SearchKey.Or o ? List.of(o.left(), o.right())
                        : ((SearchKey.And) key).keys();
                for (SearchKey k : children) {
                    collect(k, kind, out);
                }
            } else {
                out.add(key);
            }
        }

        private static Node or(List<Node> nodes) {
            Node[] any = nodes.toArray(Node[]::new);
            return new Node(any[any.length - 1].cost, c -> {
                for (Node n : any) {
                    if (n.test.test(c)) {
                        return true;
                    }
                }
                return false;
            });
        }

        private static Node and(List<Node> nodes) {
            if (nodes.isEmpty()) {
                return new Node(META, c -> true);
            }
            if (nodes.size() == 1) {
                return nodes.get(0);
            }
            Node[] all = nodes.toArray(Node[]::new);
            return new Node(all[all.length - 1].cost, c -> {
                for (Node n : all) {
                    if (!n.test.test(c)) {
                        return false;
                    }
                }
                return true;
            });
        }

        private static Node flag(String name, boolean present) {
            if (name.startsWith("\\")) {
                if (name.equalsIgnoreCase("\\Recent")) {
                    return new Node(META, c -> c.message.recent() == present);
                }
                Flag flag = Flag.fromImap(name);
                if (flag == null) {
                    return new Node(META, c -> !present);
                }
                return new Node(META, c -> c.meta().flags().has(flag) == present);
            }
            return new Node(META, c -> hasKeyword(c.meta(), name) == present);
        }

        private static boolean hasKeyword(MessageMeta meta, String keyword) {
            for (String k : meta.flags().keywords()) {
                if (k.equalsIgnoreCase(keyword)) {
                    return true;
                }
            }
            return false;
        }

        private static Node header(String field, String value) {
            String needle = CaseFold.fold(value);
            Form form = Form.of(field);
            int cached = SearchedFields.index(field);
            if (cached >= 0) {
                return new Node(HEADER, c -> {
                    for (ComparedField f : c.searched().named(cached)) {
                        if (f.field.name().equalsIgnoreCase(field) && (needle.isEmpty() || form.contains(f, needle))) {
                            return true;
                        }
                    }
                    return false;
                });
            }
            return new Node(HEADER, c -> {
                for (HeaderField f : c.header()) {
                    if (f.name().equalsIgnoreCase(field)
                            && (needle.isEmpty() || form.contains(new ComparedField(f), needle))) {
                        return true;
                    }
                }
                return false;
            });
        }

        /**
         * How a header value is compared. The parser gives {@code FROM x} and
         * {@code HEADER FROM x} (and SUBJECT and HEADER SUBJECT) as the same key, while Dovecot
         * compares the address keys against the rewritten address list ({@link AddressForm}) and
         * SUBJECT against the value with runs of blanks compressed, HEADER against the value as
         * it is. Loft matches either form, so it finds what Dovecot finds with both commands.
         */
        private enum Form {
            PLAIN, ADDRESS, SUBJECT;

            static Form of(String field) {
                return switch (field.toUpperCase(java.util.Locale.ROOT)) {
                    case "FROM", "TO", "CC", "BCC" -> ADDRESS;
                    case "SUBJECT" -> SUBJECT;
                    default -> PLAIN;
                };
            }

            boolean contains(ComparedField f, String needle) {
                if (f.value().contains(needle)) {
                    return true;
                }
                return switch (this) {
                    case PLAIN -> false;
                    case SUBJECT -> f.subject().contains(needle);
                    case ADDRESS -> f.address().contains(needle);
                };
            }
        }

        private Node text(String value, boolean bodyOnly) {
            String needle = CaseFold.fold(value);
            if (needle.isEmpty()) {
                return new Node(META, c -> true);
            }
            int index = needles.size();
            needles.add(needle);
            headerToo.add(!bodyOnly);
            return new Node(BODY, c -> c.scanner().found(index));
        }

        private Node date(SearchKey.Date d) {
            Objects.requireNonNull(d.date(), "date");
            if (d.field() == SearchKey.DateField.INTERNAL) {
                return new Node(META, c -> compare(LocalDate.ofInstant(c.meta().internalDate(), zone), d));
            }
            return new Node(HEADER, c -> compare(c.sentDate(), d));
        }

        private static boolean compare(LocalDate date, SearchKey.Date key) {
            return switch (key.comparison()) {
                case BEFORE -> date.isBefore(key.date());
                case ON -> date.isEqual(key.date());
                case SINCE -> !date.isBefore(key.date());
            };
        }

        private Node sequence(SequenceSet set, boolean uid) {
            if (set.saved()) {
                return new Node(META, c -> scope.savedUids().test(c.meta().uid()));
            }
            if (uid) {
                long max = scope.maxUid();
                return new Node(META, c -> set.contains(c.meta().uid(), max));
            }
            long exists = scope.exists();
            return new Node(META, c -> containsSeq(set, c.message.seq(), exists));
        }

        /**
         * Whether a message sequence number is in the set, as Dovecot reads it: {@code *} sorts
         * above every number before it becomes EXISTS, so {@code 7:*} and {@code *:7} match
         * nothing when there are 6 messages (while {@code UID 7:*} matches the last message,
         * RFC 3501 6.4.8).
         */
        static boolean containsSeq(SequenceSet set, long seq, long exists) {
            for (SequenceSet.Range r : set.ranges()) {
                long low = Math.min(r.from(), r.to());
                long high = Math.max(r.from(), r.to());
                if (low == SequenceSet.Range.STAR) {
                    low = exists;
                }
                if (high == SequenceSet.Range.STAR) {
                    high = exists;
                }
                if (seq >= low && seq <= high) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What one {@link #matches} call has read of one message. */
    private final class Context {
        final SearchCandidate message;
        private MessageContent content;
        private List<HeaderField> header;
        /** Whether {@link #header} came from the header alone (not from a scan of the message). */
        private boolean headerParsed;
        private SearchedFields searched;
        private LocalDate sentDate;
        private NeedleScanner scanner;

        Context(SearchCandidate message) {
            this.message = message;
        }

        MessageMeta meta() {
            return message.meta();
        }

        private MessageContent content() throws StorageException {
            if (content == null) {
                content = message.content();
            }
            return content;
        }

        List<HeaderField> header() throws StorageException {
            if (header == null) {
                try (InputStream in = content().header()) {
                    header = MessageReader.header(in);
                    headerParsed = true;
                } catch (IOException e) {
                    throw failure(e);
                }
            }
            return header;
        }

        /** The fields FROM, TO, CC, BCC and SUBJECT look at: cached, else from the header (then cached). */
        SearchedFields searched() throws StorageException {
            if (searched == null && header == null) {
                searched = SearchedFields.remembered(message);
            }
            if (searched == null) {
                searched = SearchedFields.of(header());
                if (headerParsed) {
                    message.cache(SearchedFields.CACHE_FIELD, searched.encode());
                    SearchedFields.remember(message, searched);
                }
            }
            return searched;
        }

        LocalDate sentDate() throws StorageException {
            if (sentDate == null) {
                sentDate = SentDate.of(header());
            }
            return sentDate;
        }

        NeedleScanner scanner() throws StorageException {
            if (scanner == null) {
                NeedleScanner s = new NeedleScanner(needles, headerToo);
                List<HeaderField> top = header == null ? new ArrayList<>() : null;
                try (InputStream in = content().open()) {
                    MessageReader.scan(in, s, top);
                } catch (IOException e) {
                    throw failure(e);
                }
                scanner = s;
                if (top != null) {
                    header = top;
                }
            }
            return scanner;
        }

        private StorageException failure(IOException e) {
            if (e.getCause() instanceof StorageException se) {
                return se;
            }
            return new StorageException(StorageError.INTERNAL,
                    "Cannot read message UID " + message.meta().uid() + ": " + e.getMessage(), e);
        }
    }
}
