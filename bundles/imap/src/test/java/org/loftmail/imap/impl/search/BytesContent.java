package org.loftmail.imap.impl.search;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.loftmail.api.storage.MessageContent;
import org.loftmail.api.storage.MimePart;

/** A message held in memory that counts how it is read. */
final class BytesContent implements MessageContent {

    private final byte[] bytes;
    int headerReads;
    int opens;

    BytesContent(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        opens++;
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public InputStream open(long offset, long length) {
        opens++;
        int from = (int) Math.min(offset, bytes.length);
        int to = (int) Math.min(bytes.length, from + length);
        return new ByteArrayInputStream(bytes, from, to - from);
    }

    /** Up to and including the first empty line (the whole message when there is none). */
    @Override
    public InputStream header() {
        headerReads++;
        int end = bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && i + 1 < bytes.length) {
                if (bytes[i + 1] == '\n') {
                    end = i + 2;
                    break;
                }
                if (bytes[i + 1] == '\r' && i + 2 < bytes.length && bytes[i + 2] == '\n') {
                    end = i + 3;
                    break;
                }
            }
        }
        return new ByteArrayInputStream(Arrays.copyOf(bytes, end));
    }

    @Override
    public MimePart root() {
        throw new UnsupportedOperationException("search reads header() and open() only");
    }

    @Override
    public Optional<MimePart> part(String number) {
        throw new UnsupportedOperationException("search reads header() and open() only");
    }
}
