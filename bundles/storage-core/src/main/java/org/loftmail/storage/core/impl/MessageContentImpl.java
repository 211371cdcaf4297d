package org.loftmail.storage.core.impl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MimePart;
import org.loftmail.api.storage.StorageException;
import org.loftmail.storage.core.impl.mime.MimeParser;

/** Content of one message, read through the driver without the mailbox lock. */
final class MessageContentImpl implements MessageContent {

    private final MailboxState state;
    private final long uid;
    private final long size;

    MessageContentImpl(MailboxState state, long uid, long size) {
        this.state = state;
        this.uid = uid;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        return open(0, size);
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        if (offset >= size) {
            return InputStream.nullInputStream();
        }
        try {
            return new BoundedInputStream(state.open(uid, offset), Math.min(length, size - offset));
        } catch (StorageException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public InputStream header() throws IOException {
        return open(0, root().bodyStart());
    }

    @Override
    public MimePart root() throws IOException {
        try (InputStream in = open()) {
            return MimeParser.root(in, size);
        }
    }

    @Override
    public Optional<MimePart> part(String number) throws IOException {
        try (InputStream in = open()) {
            return MimeParser.find(in, number);
        }
    }
}
