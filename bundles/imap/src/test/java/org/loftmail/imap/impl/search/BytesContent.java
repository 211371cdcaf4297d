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
        return new ByteArrayInputStream(Arrays.copyOf(bytes, headerEnd()));
    }

    private int headerEnd() {
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
        return end;
    }

    @Override
    public MimePart root() {
        return new MimePart("", 0, headerEnd(), bytes.length);
    }

    @Override
    /** The fixtures are read as single-part messages here: part 1 is the body (RFC 3501 6.4.5). */
    public Optional<MimePart> part(String number) {
        return number.equals("1") ? Optional.of(new MimePart("1", 0, headerEnd(), bytes.length)) : Optional.empty();
    }
}
