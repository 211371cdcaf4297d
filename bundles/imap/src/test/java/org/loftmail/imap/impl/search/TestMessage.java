package org.loftmail.imap.impl.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MessageMeta;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;

/** A {@link SearchCandidate} over message bytes; counts {@link #content()} calls. */
final class TestMessage implements SearchCandidate {

    private final int seq;
    private final MessageMeta meta;
    private final boolean recent;
    private final BytesContent content;
    int contentCalls;

    TestMessage(int seq, MessageMeta meta, boolean recent, byte[] bytes) {
        this.seq = seq;
        this.meta = meta;
        this.recent = recent;
        this.content = bytes == null ? null : new BytesContent(bytes);
    }

    /** Message {@code seq} with UID {@code uid}, no flags, the given text (LF turned into CRLF). */
    static TestMessage of(int seq, long uid, String text) {
        byte[] bytes = crlf(text).getBytes(StandardCharsets.UTF_8);
        return new TestMessage(seq, meta(uid, Flags.NONE, 1, Instant.parse("2024-01-01T12:00:00Z"), bytes.length),
                false, bytes);
    }

    /** A message whose content must not be read. */
    static TestMessage metaOnly(int seq, MessageMeta meta, boolean recent) {
        return new TestMessage(seq, meta, recent, null);
    }

    static MessageMeta meta(long uid, Flags flags, long modseq, Instant internal, long size) {
        return new MessageMeta(uid, flags, modseq, internal, internal, size, size, "guid" + uid);
    }

    static Flags flags(Set<Flag> system, String... keywords) {
        return new Flags(system, Set.of(keywords));
    }

    static String crlf(String s) {
        return s.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    TestMessage with(MessageMeta newMeta, boolean newRecent) {
        return new TestMessage(seq, newMeta, newRecent, content == null ? null : bytes());
    }

    private byte[] bytes() {
        try (var in = content.open()) {
            content.opens--;
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    BytesContent bytesContent() {
        return content;
    }

    @Override
    public int seq() {
        return seq;
    }

    @Override
    public MessageMeta meta() {
        return meta;
    }

    @Override
    public boolean recent() {
        return recent;
    }

    @Override
    public MessageContent content() throws StorageException {
        contentCalls++;
        if (content == null) {
            throw new StorageException(StorageError.INTERNAL, "content must not be read");
        }
        return content;
    }
}
