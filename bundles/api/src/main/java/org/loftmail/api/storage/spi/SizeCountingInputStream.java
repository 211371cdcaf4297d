package org.loftmail.api.storage.spi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts octets read and the virtual (CRLF) size: every LF not preceded by CR counts twice. A
 * driver wraps the content it saves in it to learn both sizes in one pass.
 */
public final class SizeCountingInputStream extends FilterInputStream {

    private long size;
    private long bareLf;
    private int last = -1;

    public SizeCountingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            count(buf[off + i] & 0xff);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not counted");
    }

    private void count(int b) {
        size++;
        if (b == '\n' && last != '\r') {
            bareLf++;
        }
        last = b;
    }

    /** Octets read so far. */
    public long size() {
        return size;
    }

    /** Octets read so far with bare LFs counted as CRLF. */
    public long virtualSize() {
        return size + bareLf;
    }
}
