package org.loftmail.lmtp.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.loftmail.api.storage.MessageSource;

/**
 * The message of one transaction, from DATA lines (dot-unstuffed, CRLF-terminated) or BDAT chunks
 * (as they came), kept in memory up to 1 MiB
 * and in a temporary file beyond, readable as often as there are recipients. {@link #close()}
 * deletes the file.
 */
final class MessageSpool implements MessageSource, AutoCloseable {

    private static final int IN_MEMORY = 1 << 20;
    private static final byte[] CRLF = {'\r', '\n'};

    private ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
    private Path file;
    private OutputStream fileOut;
    private long size;

    /** Adds one DATA line as it came (without CRLF), undoing the dot-stuffing (RFC 5321 4.5.2). */
    void addLine(byte[] line) throws IOException {
        int off = line.length > 0 && line[0] == '.' ? 1 : 0;
        write(line, off, line.length - off);
        write(CRLF, 0, 2);
    }

    /** Adds a BDAT chunk as it came: raw octets, no dot-stuffing (RFC 3030). */
    void addBytes(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            write(buffer, 0, n);
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        size += len;
        if (fileOut != null) {
            fileOut.write(b, off, len);
            return;
        }
        memory.write(b, off, len);
        if (memory.size() > IN_MEMORY) {
            file = Files.createTempFile("loft-lmtp-", ".eml");
            fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            memory.writeTo(fileOut);
            memory = null;
        }
    }

    /** Ends writing; the spool is then a message source. */
    void finish() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
    }

    @Override
    public InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(memory.toByteArray());
    }

    @Override
    public long size() {
        return size;
    }

    /** The first bytes of the message (for the Message-ID in logs). */
    byte[] head(int max) throws IOException {
        try (InputStream in = open()) {
            return in.readNBytes(max);
        }
    }

    @Override
    public void close() {
        try {
            if (fileOut != null) {
                fileOut.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temp file left behind; nothing to tell the client
        }
    }
}
