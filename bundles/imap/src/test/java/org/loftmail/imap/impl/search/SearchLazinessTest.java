package org.loftmail.imap.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.imap.impl.search.Keys.*;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.MimePart;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.imap.impl.request.SearchKey;

/** Cheap keys first, content read only when needed and at most once per message. */
class SearchLazinessTest {

    static final SearchScope SCOPE = new SearchScope(1, 1, null);

    static final String MESSAGE = """
            From: Alice <alice@example.org>
            Subject: Hello

            hello world
            """;

    static boolean matches(SearchKey key, SearchCandidate m) throws StorageException {
        return SearchEvaluator.compile(key, null, SCOPE).matches(m);
    }

    static TestMessage unreadable(Flag... flags) {
        return TestMessage.metaOnly(1, TestMessage.meta(1, Flags.of(flags), 1, Instant.EPOCH, 10), false);
    }

    @Test
    void contentIsNotOpenedWhenAFlagKeyFails() throws StorageException {
        TestMessage m = unreadable(); // content() would throw
        assertFalse(matches(and(flag("\\Seen"), body("hello")), m));
        assertFalse(matches(and(body("hello"), header("SUBJECT", "x"), flag("\\Seen")), m));
        assertFalse(matches(and(text("hello"), seq("2:*")), m)); // 2:* is empty with 1 message
        assertFalse(matches(and(sentOn("2024-01-01"), not(all())), m));
        assertFalse(matches(not(or(body("x"), unflag("\\Seen"))), m));
        assertEquals(0, m.contentCalls);
    }

    @Test
    void contentIsNotOpenedWhenAnOrIsDecidedByAFlag() throws StorageException {
        TestMessage m = unreadable(Flag.SEEN);
        assertTrue(matches(or(body("hello"), flag("\\Seen")), m));
        assertTrue(matches(or(header("FROM", "alice"), or(text("x"), uid("1"))), m));
        assertFalse(matches(not(or(text("x"), flag("\\Seen"))), m));
        assertEquals(0, m.contentCalls);
    }

    @Test
    void bodyIsNotReadWhenAHeaderKeyFails() throws StorageException {
        TestMessage m = TestMessage.of(1, 1, MESSAGE);
        assertFalse(matches(and(body("hello"), header("SUBJECT", "goodbye")), m));
        assertEquals(1, m.contentCalls);
        assertEquals(1, m.bytesContent().headerReads);
        assertEquals(0, m.bytesContent().opens);
    }

    @Test
    void headerKeysReadTheHeaderOnce() throws StorageException {
        TestMessage m = TestMessage.of(1, 1, MESSAGE);
        assertTrue(matches(and(header("SUBJECT", "hello"), header("FROM", "alice"), not(header("TO", "")),
                sentBefore("1970-01-02")), m));
        assertEquals(1, m.contentCalls);
        assertEquals(1, m.bytesContent().headerReads);
        assertEquals(0, m.bytesContent().opens);
    }

    @Test
    void manyBodyKeysReadTheMessageOnce() throws StorageException {
        TestMessage m = TestMessage.of(1, 1, MESSAGE);
        SearchKey key = and(body("hello"), text("alice"), not(body("nothing")), or(body("x"), text("world")),
                header("SUBJECT", "hello"));
        assertTrue(matches(key, m));
        assertEquals(1, m.contentCalls);
        assertEquals(1, m.bytesContent().opens);
        assertEquals(1, m.bytesContent().headerReads);
    }

    @Test
    void aHeaderKeyAfterTheBodyPassUsesTheHeaderItRead() throws StorageException {
        TestMessage m = TestMessage.of(1, 1, MESSAGE);
        // both ORs cost a body read; the first one reads the body, the second finds the header cached
        SearchKey key = and(or(body("world"), flag("\\Flagged")), or(header("SUBJECT", "hello"), body("x")));
        assertTrue(matches(key, m));
        assertEquals(1, m.bytesContent().opens);
        assertEquals(0, m.bytesContent().headerReads);
    }

    @Test
    void needsContent() {
        assertFalse(SearchEvaluator.compile(and(all(), flag("\\Seen"), seq("1:*"), uid("$"), larger(3),
                since("2020-01-01"), modseq(4), not(or(flag("\\Recent"), flag("$Junk")))), null, SCOPE)
                .needsContent());
        assertFalse(SearchEvaluator.compile(or(body(""), text("")), null, SCOPE).needsContent());
        assertTrue(SearchEvaluator.compile(header("X-SPAM", ""), null, SCOPE).needsContent());
        assertTrue(SearchEvaluator.compile(not(sentSince("2020-01-01")), null, SCOPE).needsContent());
        assertTrue(SearchEvaluator.compile(or(flag("\\Seen"), body("x")), null, SCOPE).needsContent());
        assertTrue(SearchEvaluator.compile(and(all(), not(text("x"))), null, SCOPE).needsContent());
    }

    @Test
    void storageFailuresPropagate() {
        StorageException gone = new StorageException(StorageError.EXPUNGED, "expunged");
        SearchCandidate expunged = candidate(() -> {
            throw gone;
        });
        assertSame(gone, assertThrows(StorageException.class, () -> matches(body("x"), expunged)));

        StorageException cause = new StorageException(StorageError.EXPUNGED, "file gone");
        SearchCandidate failing = candidate(() -> new FailingContent(new IOException("gone", cause)));
        assertSame(cause, assertThrows(StorageException.class, () -> matches(header("FROM", "x"), failing)));
        assertSame(cause, assertThrows(StorageException.class, () -> matches(text("x"), failing)));

        SearchCandidate broken = candidate(() -> new FailingContent(new IOException("disk error")));
        StorageException e = assertThrows(StorageException.class, () -> matches(body("x"), broken));
        assertEquals(StorageError.INTERNAL, e.error());
    }

    interface ContentSupplier {
        MessageContent get() throws StorageException;
    }

    static SearchCandidate candidate(ContentSupplier content) {
        MessageMeta meta = TestMessage.meta(1, Flags.NONE, 1, Instant.EPOCH, 10);
        return new SearchCandidate() {
            @Override
            public int seq() {
                return 1;
            }

            @Override
            public MessageMeta meta() {
                return meta;
            }

            @Override
            public boolean recent() {
                return false;
            }

            @Override
            public MessageContent content() throws StorageException {
                return content.get();
            }
        };
    }

    record FailingContent(IOException failure) implements MessageContent {
        @Override
        public long size() {
            return 10;
        }

        @Override
        public InputStream open() throws IOException {
            throw failure;
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            throw failure;
        }

        @Override
        public InputStream header() throws IOException {
            throw failure;
        }

        @Override
        public MimePart root() throws IOException {
            throw failure;
        }

        @Override
        public Optional<MimePart> part(String number) throws IOException {
            throw failure;
        }
    }
}
