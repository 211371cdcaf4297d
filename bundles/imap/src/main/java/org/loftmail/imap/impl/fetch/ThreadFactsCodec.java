package org.loftmail.imap.impl.fetch;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loftmail.core.imap.ThreadFacts;

/**
 * What THREAD reads of a message as {@link MessageCache} stores it: the Date header in epoch
 * seconds (-1: none), the Message-ID (length, UTF-8; -1 for none), the number of references and
 * each, the subject key, then 1 when it marked a reply or forward, else 0.
 */
public final class ThreadFactsCodec {

    /**
     * @param sentDate the Date header in epoch seconds, -1 when missing or unparsable
     */
    public record Dated(long sentDate, ThreadFacts facts) {
    }

    private ThreadFactsCodec() {
    }

    static byte[] encode(Dated d) {
        ThreadFacts f = d.facts();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(d.sentDate());
            string(out, f.messageId());
            out.writeInt(f.references().size());
            for (String r : f.references()) {
                string(out, r);
            }
            string(out, f.subjectKey());
            out.writeByte(f.replyOrForward() ? 1 : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What {@link #encode} wrote, or empty when the octets are not such facts. */
    static Optional<Dated> decode(byte[] octets) {
        try {
            ByteBuffer in = ByteBuffer.wrap(octets);
            long sentDate = in.getLong();
            String messageId = string(in);
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / 4) {
                return Optional.empty();
            }
            List<String> refs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String r = string(in);
                if (r == null) {
                    return Optional.empty();
                }
                refs.add(r);
            }
            String subjectKey = string(in);
            byte refwd = in.get();
            if (subjectKey == null || refwd > 1 || refwd < 0 || in.hasRemaining()) {
                return Optional.empty();
            }
            return Optional.of(new Dated(sentDate, new ThreadFacts(messageId, refs, subjectKey, refwd == 1)));
        } catch (BufferUnderflowException | IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) {
            return null;
        }
        if (n > in.remaining()) {
            throw new IllegalArgumentException("string past the end");
        }
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }
}
