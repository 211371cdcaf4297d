package org.loftmail.storage.core.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.Flags;

/**
 * The core's per-mailbox index blob, stored by the driver: whether it was closed cleanly and the
 * modseq ceiling reserved while it is not, modseqs and the flags they were assigned for (to notice changes made by other processes), expunge history for QRESYNC, the
 * highest UID ever seen (so UIDs are never reused) and the \Recent watermark.
 */
final class IndexCodec {

    private static final int MAGIC = 0x4C465832; // "LFX2"

    record Entry(long modseq, Flags flags) {
    }

    /**
     * @param clean written at an orderly flush; {@code false} while modseqs up to {@code ceiling}
     *     may be in use without being written here
     */
    record Index(boolean clean, long ceiling, long highestModseq, long maxUid, long recentWatermark,
            long historyFloor, Map<Long, Entry> entries, TreeMap<Long, Long> tombstones) {
    }

    private IndexCodec() {
    }

    static byte[] encode(Index index) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + index.entries().size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeBoolean(index.clean());
            out.writeLong(index.ceiling());
            out.writeLong(index.highestModseq());
            out.writeLong(index.maxUid());
            out.writeLong(index.recentWatermark());
            out.writeLong(index.historyFloor());
            out.writeInt(index.entries().size());
            for (Map.Entry<Long, Entry> e : index.entries().entrySet()) {
                out.writeLong(e.getKey());
                out.writeLong(e.getValue().modseq());
                writeFlags(out, e.getValue().flags());
            }
            out.writeInt(index.tombstones().size());
            for (Map.Entry<Long, Long> t : index.tombstones().entrySet()) {
                out.writeLong(t.getKey());
                out.writeLong(t.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** The index in {@code blob}, or {@code null} when it is missing or unreadable (then it is rebuilt). */
    static Index decode(byte[] blob) {
        if (blob == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            boolean clean = in.readBoolean();
            long ceiling = in.readLong();
            long highest = in.readLong();
            long maxUid = in.readLong();
            long watermark = in.readLong();
            long floor = in.readLong();
            int n = in.readInt();
            Map<Long, Entry> entries = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                long uid = in.readLong();
                entries.put(uid, new Entry(in.readLong(), readFlags(in)));
            }
            int t = in.readInt();
            TreeMap<Long, Long> tombstones = new TreeMap<>();
            for (int i = 0; i < t; i++) {
                tombstones.put(in.readLong(), in.readLong());
            }
            return new Index(clean, ceiling, highest, maxUid, watermark, floor, entries, tombstones);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writeFlags(DataOutputStream out, Flags flags) throws IOException {
        int bits = 0;
        for (Flag f : flags.system()) {
            bits |= 1 << f.ordinal();
        }
        out.writeByte(bits);
        out.writeShort(flags.keywords().size());
        for (String k : flags.keywords()) {
            out.writeUTF(k);
        }
    }

    private static Flags readFlags(DataInputStream in) throws IOException {
        int bits = in.readUnsignedByte();
        Set<Flag> system = EnumSet.noneOf(Flag.class);
        for (Flag f : Flag.values()) {
            if ((bits & (1 << f.ordinal())) != 0) {
                system.add(f);
            }
        }
        int k = in.readUnsignedShort();
        Set<String> keywords = new HashSet<>();
        for (int i = 0; i < k; i++) {
            keywords.add(in.readUTF());
        }
        return new Flags(system, keywords);
    }
}
