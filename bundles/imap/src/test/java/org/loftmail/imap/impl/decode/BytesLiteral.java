package org.loftmail.imap.impl.decode;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.loftmail.api.protocol.Literal;

/** A heap literal, as the network layer hands small ones to a protocol. */
final class BytesLiteral implements Literal {

    private final byte[] data;
    private final boolean binary;

    BytesLiteral(byte[] data, boolean binary) {
        this.data = data;
        this.binary = binary;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public boolean binary() {
        return binary;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(data);
    }

    @Override
    public byte[] bytes() {
        return data.clone();
    }

    @Override
    public void release() {
        // heap data: nothing to free
    }
}
