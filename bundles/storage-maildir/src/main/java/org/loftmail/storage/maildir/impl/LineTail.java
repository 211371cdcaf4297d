package org.loftmail.storage.maildir.impl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The complete lines of a file from an offset on. A last line without its newline is being
 * written by someone else right now and is left for the next read.
 */
record LineTail(List<String> lines, List<Long> ends) {

    /** Reads from {@code offset} to the end; {@code ends} holds each line's end (after its newline) relative to it. */
    static LineTail read(FileChannel ch, long offset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        for (long pos = offset; ch.read(buf, pos) > 0; pos += buf.position(), buf.clear()) {
            out.write(buf.array(), 0, buf.position());
        }
        byte[] tail = out.toByteArray();
        List<String> lines = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < tail.length; i++) {
            if (tail[i] == '\n') {
                lines.add(new String(tail, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
                ends.add((long) start);
            }
        }
        return new LineTail(lines, ends);
    }
}
