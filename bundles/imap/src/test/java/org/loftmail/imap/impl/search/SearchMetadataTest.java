package org.loftmail.imap.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.imap.impl.search.Keys.*;

import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StorageException;
import org.loftmail.imap.impl.request.SearchKey;

/**
 * Keys answered from metadata alone (RFC 3501 6.4.4, RFC 7162 MODSEQ, RFC 5182 $), over a
 * mailbox whose message content cannot be read at all.
 */
class SearchMetadataTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** seq, uid, flags, modseq, internal date (Berlin), RFC822.SIZE, \Recent. */
    static final List<TestMessage> MAILBOX = List.of(
            msg(1, 3, EnumSet.of(Flag.SEEN, Flag.ANSWERED), Set.of("$Forwarded"), 10, "2024-01-31T23:59:59", 100, false),
            msg(2, 5, EnumSet.of(Flag.FLAGGED), Set.of("Work"), 20, "2024-02-01T00:00:00", 200, true),
            msg(3, 8, EnumSet.of(Flag.DELETED, Flag.SEEN), Set.of(), 30, "2024-02-01T23:59:59", 300, true),
            msg(4, 9, EnumSet.of(Flag.DRAFT), Set.of("$Junk"), 40, "2024-02-02T00:00:00", 400, false),
            msg(5, 12, EnumSet.noneOf(Flag.class), Set.of(), 50, "2024-03-01T12:00:00", 500, false));

    /** exists 5, largest UID 12, saved result $ = UIDs 5 and 9. */
    static final SearchScope SCOPE = new SearchScope(5, 12, uid -> uid == 5 || uid == 9);

    private static TestMessage msg(int seq, long uid, Set<Flag> system, Set<String> keywords, long modseq,
            String berlinTime, long size, boolean recent) {
        MessageMeta meta = TestMessage.meta(uid, new org.loftmail.api.storage.Flags(system, keywords), modseq,
                LocalDateTime.parse(berlinTime).atZone(BERLIN).toInstant(), size);
        return TestMessage.metaOnly(seq, meta, recent);
    }

    /** The sequence numbers of the messages that match, like an untagged SEARCH response. */
    static List<Integer> search(SearchKey key) throws StorageException {
        SearchEvaluator e = SearchEvaluator.compile(key, null, SCOPE, BERLIN);
        assertFalse(e.needsContent(), "metadata keys never need content");
        List<Integer> hits = new ArrayList<>();
        for (TestMessage m : MAILBOX) {
            if (e.matches(m)) {
                hits.add(m.seq());
            }
        }
        return hits;
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("ALL", all(), List.of(1, 2, 3, 4, 5)),
                Arguments.of("ANSWERED", flag("\\Answered"), List.of(1)),
                Arguments.of("DELETED", flag("\\Deleted"), List.of(3)),
                Arguments.of("DRAFT", flag("\\Draft"), List.of(4)),
                Arguments.of("FLAGGED", flag("\\Flagged"), List.of(2)),
                Arguments.of("SEEN", flag("\\Seen"), List.of(1, 3)),
                Arguments.of("RECENT", flag("\\Recent"), List.of(2, 3)),
                Arguments.of("UNANSWERED", unflag("\\Answered"), List.of(2, 3, 4, 5)),
                Arguments.of("UNDELETED", unflag("\\Deleted"), List.of(1, 2, 4, 5)),
                Arguments.of("UNDRAFT", unflag("\\Draft"), List.of(1, 2, 3, 5)),
                Arguments.of("UNFLAGGED", unflag("\\Flagged"), List.of(1, 3, 4, 5)),
                Arguments.of("UNSEEN", unflag("\\Seen"), List.of(2, 4, 5)),
                Arguments.of("NEW", newKey(), List.of(2)),
                Arguments.of("OLD", old(), List.of(1, 4, 5)),
                Arguments.of("KEYWORD $Forwarded", flag("$Forwarded"), List.of(1)),
                Arguments.of("KEYWORD work (case-insensitive, like Dovecot)", flag("work"), List.of(2)),
                Arguments.of("KEYWORD $JUNK", flag("$JUNK"), List.of(4)),
                Arguments.of("KEYWORD Unknown", flag("Unknown"), List.of()),
                Arguments.of("UNKEYWORD Work", unflag("Work"), List.of(1, 3, 4, 5)),
                Arguments.of("UNKEYWORD Unknown", unflag("Unknown"), List.of(1, 2, 3, 4, 5)),
                Arguments.of("LARGER 200", larger(200), List.of(3, 4, 5)),
                Arguments.of("SMALLER 200", smaller(200), List.of(1)),
                Arguments.of("LARGER 0", larger(0), List.of(1, 2, 3, 4, 5)),
                Arguments.of("SMALLER 100", smaller(100), List.of()),
                Arguments.of("MODSEQ 30", modseq(30), List.of(3, 4, 5)),
                Arguments.of("MODSEQ 51", modseq(51), List.of()),
                Arguments.of("MODSEQ \"/flags/\\\\draft\" all 40",
                        new SearchKey.ModSeq("/flags/\\draft", "all", 40), List.of(4, 5)),
                Arguments.of("2:4", seq("2:4"), List.of(2, 3, 4)),
                Arguments.of("4:2 (reversed)", seq("4:2"), List.of(2, 3, 4)),
                Arguments.of("*", seq("*"), List.of(5)),
                Arguments.of("*:4", seq("*:4"), List.of(4, 5)),
                Arguments.of("1,3,5:*", seq("1,3,5:*"), List.of(1, 3, 5)),
                Arguments.of("7:9 (beyond EXISTS)", seq("7:9"), List.of()),
                Arguments.of("3:*", seq("3:*"), List.of(3, 4, 5)),
                Arguments.of("6:* (above EXISTS: nothing, like Dovecot)", seq("6:*"), List.of()),
                Arguments.of("*:6", seq("*:6"), List.of()),
                Arguments.of("1,6:*", seq("1,6:*"), List.of(1)),
                Arguments.of("NOT 6:*", not(seq("6:*")), List.of(1, 2, 3, 4, 5)),
                Arguments.of("UID 13:* (above the last UID: the last message, RFC 3501)", uid("13:*"), List.of(5)),
                Arguments.of("UID *:13", uid("*:13"), List.of(5)),
                Arguments.of("UID 13", uid("13"), List.of()),
                Arguments.of("$", seq("$"), List.of(2, 4)),
                Arguments.of("UID 5:9", uid("5:9"), List.of(2, 3, 4)),
                Arguments.of("UID 9:5 (reversed)", uid("9:5"), List.of(2, 3, 4)),
                Arguments.of("UID 4,6:7,10:11 (gaps)", uid("4,6:7,10:11"), List.of()),
                Arguments.of("UID *", uid("*"), List.of(5)),
                Arguments.of("UID 9:*", uid("9:*"), List.of(4, 5)),
                Arguments.of("UID 100:* (RFC 3501: still the last message)", uid("100:*"), List.of(5)),
                Arguments.of("UID $", uid("$"), List.of(2, 4)),
                Arguments.of("NOT $", not(seq("$")), List.of(1, 3, 5)),
                // internal date in Europe/Berlin, the time of day disregarded
                Arguments.of("BEFORE 1-Feb-2024", before("2024-02-01"), List.of(1)),
                Arguments.of("ON 1-Feb-2024", on("2024-02-01"), List.of(2, 3)),
                Arguments.of("SINCE 1-Feb-2024", since("2024-02-01"), List.of(2, 3, 4, 5)),
                Arguments.of("SINCE 2-Feb-2024", since("2024-02-02"), List.of(4, 5)),
                Arguments.of("BEFORE 2-Feb-2024", before("2024-02-02"), List.of(1, 2, 3)),
                Arguments.of("ON 31-Jan-2024", on("2024-01-31"), List.of(1)),
                Arguments.of("SINCE 1-Feb-2024 BEFORE 2-Feb-2024", and(since("2024-02-01"), before("2024-02-02")),
                        List.of(2, 3)),
                Arguments.of("OR SEEN FLAGGED", or(flag("\\Seen"), flag("\\Flagged")), List.of(1, 2, 3)),
                Arguments.of("NOT SEEN", not(flag("\\Seen")), List.of(2, 4, 5)),
                Arguments.of("NOT NOT SEEN", not(not(flag("\\Seen"))), List.of(1, 3)),
                Arguments.of("OR (SEEN UNDELETED) (DRAFT KEYWORD $Junk)",
                        or(and(flag("\\Seen"), unflag("\\Deleted")), and(flag("\\Draft"), flag("$Junk"))),
                        List.of(1, 4)),
                Arguments.of("NOT OR 1:2 OR 4 UID 12", not(or(seq("1:2"), or(seq("4"), uid("12")))), List.of(3)),
                Arguments.of("OR NOT RECENT NOT (SEEN DELETED)",
                        or(not(flag("\\Recent")), not(and(flag("\\Seen"), flag("\\Deleted")))), List.of(1, 2, 4, 5)),
                Arguments.of("UID 1:* NOT 1 (2:4) SMALLER 400", and(uid("1:*"), not(seq("1")), and(seq("2:4")),
                        smaller(400)), List.of(2, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void matches(String query, SearchKey key, List<Integer> expected) throws StorageException {
        assertEquals(expected, search(key), query);
    }

    @Test
    void internalDateUsesTheServerTimeZoneByDefault() throws StorageException {
        ZoneId zone = ZoneId.systemDefault();
        MessageMeta midnight = TestMessage.meta(1, org.loftmail.api.storage.Flags.NONE, 1,
                LocalDateTime.parse("2024-05-10T00:00:00").atZone(zone).toInstant(), 10);
        MessageMeta lastSecond = TestMessage.meta(2, org.loftmail.api.storage.Flags.NONE, 1,
                LocalDateTime.parse("2024-05-10T23:59:59").atZone(zone).toInstant(), 10);
        SearchScope scope = new SearchScope(2, 2, null);
        for (MessageMeta m : List.of(midnight, lastSecond)) {
            TestMessage c = TestMessage.metaOnly(1, m, false);
            assertTrue(SearchEvaluator.compile(on("2024-05-10"), null, scope).matches(c));
            assertFalse(SearchEvaluator.compile(before("2024-05-10"), null, scope).matches(c));
            assertTrue(SearchEvaluator.compile(since("2024-05-10"), null, scope).matches(c));
            assertFalse(SearchEvaluator.compile(since("2024-05-11"), null, scope).matches(c));
            assertTrue(SearchEvaluator.compile(before("2024-05-11"), null, scope).matches(c));
        }
    }

    @Test
    void sizeIsRfc822SizeWithCrlfLineEnds() throws StorageException {
        // stored with bare LFs: 100 octets on disk, RFC822.SIZE 104
        MessageMeta meta = new MessageMeta(1, org.loftmail.api.storage.Flags.NONE, 1, java.time.Instant.EPOCH,
                java.time.Instant.EPOCH, 100, 104, "g");
        TestMessage m = TestMessage.metaOnly(1, meta, false);
        SearchScope scope = new SearchScope(1, 1, null);
        assertTrue(SearchEvaluator.compile(larger(103), null, scope).matches(m));
        assertFalse(SearchEvaluator.compile(larger(104), null, scope).matches(m));
        assertTrue(SearchEvaluator.compile(smaller(105), null, scope).matches(m));
        assertFalse(SearchEvaluator.compile(smaller(104), null, scope).matches(m));
    }

    @Test
    void savedResultMayBeAbsent() throws StorageException {
        SearchScope scope = new SearchScope(5, 12, null);
        assertFalse(SearchEvaluator.compile(seq("$"), null, scope).matches(MAILBOX.get(0)));
        assertFalse(SearchEvaluator.compile(uid("$"), null, scope).matches(MAILBOX.get(0)));
    }

    @Test
    void sequenceStarInAnEmptyMailboxMatchesNothing() throws StorageException {
        SearchScope empty = new SearchScope(0, 0, null);
        // a message that appeared after the scope was taken is not '*'
        assertFalse(SearchEvaluator.compile(seq("*"), null, empty).matches(MAILBOX.get(4)));
    }

    @Test
    void unknownCharsetIsRefused() {
        assertThrows(UnsupportedCharsetException.class, () -> SearchEvaluator.compile(all(), "X-NO-SUCH", SCOPE));
        assertThrows(UnsupportedCharsetException.class, () -> SearchEvaluator.compile(all(), "bad name!", SCOPE));
    }

    @Test
    void knownCharsetsAreAccepted() {
        for (String cs : List.of("UTF-8", "US-ASCII", "us-ascii", "ISO-8859-1", "iso-2022-jp", "windows-1252",
                "KOI8-R")) {
            SearchEvaluator.compile(all(), cs, SCOPE);
        }
    }
}
