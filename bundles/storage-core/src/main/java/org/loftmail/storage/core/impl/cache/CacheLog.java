package org.loftmail.storage.core.impl.cache;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The on-disk form of a mailbox's message cache: a header, then records appended one after the
 * other. All numbers big-endian.
 *
 * <pre>
 * header: "LOFTFC01" (8 octets), UIDVALIDITY (8), CRC32C of the 16 octets before (4)
 * record: payload length (4), CRC32C of the payload (4), payload:
 *         UID (8), field name length (1), field name (ASCII), value (the rest)
 * </pre>
 *
 * A later record for the same UID and field replaces an earlier one. Reading stops at the first
 * record that is cut short or fails its checksum (a torn append): what comes before is kept.
 */
public final class CacheLog {

    static final byte[] MAGIC = "LOFTFC01".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_SIZE = 20;
    static final int RECORD_OVERHEAD = 8 + 8 + 1;
    /** Larger records are taken for damage: no cached value comes near this. */
    static final int MAX_PAYLOAD = 16 << 20;

    /** One cached value. */
    public record Entry(long uid, String field, byte[] value) {
        /** The octets this entry takes in the log. */
        public int size() {
            return RECORD_OVERHEAD + field.length() + value.length;
        }
    }

    /** What a reader hands each record to. */
    @FunctionalInterface
    public interface Sink {
        void accept(Entry e);
    }

    /**
     * What {@link #read} found.
     *
     * @param valid whether the header was intact and named {@code uidValidity}
     * @param octets how many octets of the log were read as intact (header and records)
     * @param torn whether something followed the last intact record
     */
    public record Result(boolean valid, long octets, boolean torn) {
    }

    private CacheLog() {
    }

    public static byte[] header(long uidValidity) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE);
        b.put(MAGIC).putLong(uidValidity);
        b.putInt(crc(b.array(), 0, 16));
        return b.array();
    }

    /** Appends the record of {@code e} to {@code out} at its position. */
    public static void record(Entry e, ByteBuffer out) {
        byte[] name = e.field().getBytes(StandardCharsets.US_ASCII);
        int payload = 8 + 1 + name.length + e.value().length;
        out.putInt(payload);
        int crcAt = out.position();
        out.putInt(0);
        int start = out.position();
        out.putLong(e.uid()).put((byte) name.length).put(name).put(e.value());
        out.putInt(crcAt, crc(out.array(), out.arrayOffset() + start, payload));
    }

    /** Whether a field name can be stored: 1 to 255 printable ASCII characters. */
    public static boolean validName(String field) {
        if (field.isEmpty() || field.length() > 255) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a log, handing each intact record to {@code sink}; nothing when the header is
     * missing, damaged or names another UIDVALIDITY. Does not close the stream.
     */
    public static Result read(InputStream in, long uidValidity, Sink sink) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[HEADER_SIZE];
        if (!readFully(data, header)) {
            return new Result(false, 0, false);
        }
        ByteBuffer h = ByteBuffer.wrap(header);
        if (!Arrays.equals(header, 0, 8, MAGIC, 0, 8) || h.getLong(8) != uidValidity
                || h.getInt(16) != crc(header, 0, 16)) {
            return new Result(false, 0, false);
        }
        long octets = HEADER_SIZE;
        byte[] buf = new byte[4096];
        byte[] head = new byte[8];
        while (true) {
            int got = data.readNBytes(head, 0, 8);
            if (got < 8) {
                return new Result(true, octets, got > 0);
            }
            ByteBuffer hb = ByteBuffer.wrap(head);
            int length = hb.getInt();
            int crc = hb.getInt();
            if (length < 9 || length > MAX_PAYLOAD) {
                return new Result(true, octets, true);
            }
            if (buf.length < length) {
                buf = new byte[Math.max(length, buf.length * 2)];
            }
            if (!readFully(data, buf, length) || crc(buf, 0, length) != crc) {
                return new Result(true, octets, true);
            }
            Entry e = entry(buf, length);
            if (e == null) {
                return new Result(true, octets, true);
            }
            sink.accept(e);
            octets += 8 + length;
        }
    }

    private static Entry entry(byte[] payload, int length) {
        ByteBuffer b = ByteBuffer.wrap(payload, 0, length);
        long uid = b.getLong();
        int nameLength = b.get() & 0xff;
        if (b.remaining() < nameLength) {
            return null;
        }
        String field = new String(payload, 9, nameLength, StandardCharsets.US_ASCII);
        byte[] value = Arrays.copyOfRange(payload, 9 + nameLength, length);
        return new Entry(uid, field, value);
    }

    private static boolean readFully(DataInputStream in, byte[] b) throws IOException {
        return readFully(in, b, b.length);
    }

    private static boolean readFully(DataInputStream in, byte[] b, int length) throws IOException {
        int n = in.readNBytes(b, 0, length);
        return n == length;
    }

    private static int crc(byte[] b, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(b, offset, length);
        return (int) c.getValue();
    }
}
