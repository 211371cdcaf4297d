package org.loftmail.net.impl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw DEFLATE both ways for one connection (RFC 4978: no zlib header, a sync flush after each
 * write so the peer can decode what it got). The deflater is used under the output lock, the
 * inflater by the single thread that delivers input.
 */
final class DeflateStreams {

    /** Inflated input larger than this from one read is refused: a decompression bomb. */
    private static final int MAX_INFLATED_PER_READ = 16 << 20;

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);
    private final byte[] buffer = new byte[16 * 1024];
    private final byte[] inBuffer = new byte[16 * 1024];

    byte[] deflate(byte[] data) {
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    byte[] inflate(byte[] data) throws IOException {
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 3 + 16);
        try {
            while (!inflater.needsInput() && !inflater.finished()) {
                int n = inflater.inflate(inBuffer);
                if (n == 0 && inflater.needsDictionary()) {
                    throw new IOException("compressed input needs a dictionary");
                }
                out.write(inBuffer, 0, n);
                if (out.size() > MAX_INFLATED_PER_READ) {
                    throw new IOException("compressed input inflates beyond " + MAX_INFLATED_PER_READ + " bytes");
                }
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt compressed input: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    void end() {
        deflater.end();
        inflater.end();
    }
}
