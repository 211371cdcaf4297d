package org.loftmail.net.impl.framing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.loftmail.api.protocol.Literal;

/** A literal small enough to be kept on the heap. */
final class MemoryLiteral implements Literal {

    private final boolean binary;
    private final long size;
    private volatile byte[] data;

    MemoryLiteral(byte[] data, boolean binary) {
        this.data = data;
        this.size = data.length;
        this.binary = binary;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean binary() {
        return binary;
    }

    @Override
    public InputStream open() throws IOException {
        return new ByteArrayInputStream(data());
    }

    @Override
    public byte[] bytes() throws IOException {
        return data().clone();
    }

    private byte[] data() throws IOException {
        byte[] d = data;
        if (d == null) {
            throw new IOException("literal was released");
        }
        return d;
    }

    @Override
    public void release() {
        data = null;
    }

    @Override
    public String toString() {
        return "Literal[" + size + " bytes in memory" + (binary ? ", binary" : "") + "]";
    }
}
