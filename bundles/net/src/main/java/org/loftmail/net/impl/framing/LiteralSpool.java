package org.loftmail.net.impl.framing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.loftmail.api.protocol.Literal;

/**
 * Where literal data goes while it arrives: literals up to {@link #memoryLimit()} bytes are kept
 * on the heap, larger ones are written to a private temporary file as they arrive, so a huge
 * literal never sits on the heap.
 */
public final class LiteralSpool {

    /** Literals up to this size stay in memory. */
    public static final int DEFAULT_MEMORY_LIMIT = 64 * 1024;

    private final Path directory;
    private final int memoryLimit;

    public LiteralSpool(Path directory) {
        this(directory, DEFAULT_MEMORY_LIMIT);
    }

    public LiteralSpool(Path directory, int memoryLimit) {
        this.directory = directory;
        this.memoryLimit = memoryLimit;
    }

    public int memoryLimit() {
        return memoryLimit;
    }

    public Path directory() {
        return directory;
    }

    /** Starts receiving a literal of the given size. */
    Writer begin(long size, boolean binary) throws IOException {
        if (size <= memoryLimit) {
            return new MemoryWriter((int) size, binary);
        }
        Files.createDirectories(directory);
        Path file;
        try {
            file = Files.createTempFile(directory, "loft-literal-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            file = Files.createTempFile(directory, "loft-literal-", ".tmp");
        }
        return new FileWriter(file, size, binary);
    }

    /** Receives the bytes of one literal. */
    interface Writer {
        /** Bytes still expected. */
        long remaining();

        /** Copies up to {@link #remaining()} bytes from {@code in}. */
        void write(ByteBuffer in) throws IOException;

        /** The complete literal; only when {@link #remaining()} is 0. */
        Literal finish() throws IOException;

        /** Drops what was received (deletes a spool file). */
        void abort();
    }

    private static final class MemoryWriter implements Writer {
        private final byte[] data;
        private final boolean binary;
        private int filled;

        MemoryWriter(int size, boolean binary) {
            this.data = new byte[size];
            this.binary = binary;
        }

        @Override
        public long remaining() {
            return data.length - filled;
        }

        @Override
        public void write(ByteBuffer in) {
            int n = (int) Math.min(in.remaining(), remaining());
            in.get(data, filled, n);
            filled += n;
        }

        @Override
        public Literal finish() {
            return new MemoryLiteral(data, binary);
        }

        @Override
        public void abort() {
            // nothing held outside the heap
        }
    }

    private static final class FileWriter implements Writer {
        private final Path file;
        private final long size;
        private final boolean binary;
        private final FileChannel channel;
        private long written;

        FileWriter(Path file, long size, boolean binary) throws IOException {
            this.file = file;
            this.size = size;
            this.binary = binary;
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }

        @Override
        public long remaining() {
            return size - written;
        }

        @Override
        public void write(ByteBuffer in) throws IOException {
            int n = (int) Math.min(in.remaining(), remaining());
            ByteBuffer slice = in.slice(in.position(), n);
            while (slice.hasRemaining()) {
                written += channel.write(slice);
            }
            in.position(in.position() + n);
        }

        @Override
        public Literal finish() throws IOException {
            channel.close();
            return new FileLiteral(file, size, binary);
        }

        @Override
        public void abort() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // deleting is what matters
            }
            new FileLiteral(file, size, binary).release();
        }
    }
}
