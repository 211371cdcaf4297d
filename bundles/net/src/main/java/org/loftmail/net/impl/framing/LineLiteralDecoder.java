package org.loftmail.net.impl.framing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.Literal;
import org.loftmail.api.protocol.LiteralAnnouncement;

/**
 * Splits a byte stream into {@link Command commands}: CRLF (or bare LF) terminated lines and,
 * with {@link Framing#literals()}, IMAP-style literals announced at the end of a line, or with
 * {@link Framing#chunks()}, counted chunks of raw bytes after a line (SMTP's BDAT).
 *
 * <p>Transport independent and not thread-safe: feed it from one thread (the session's), in
 * input order. The {@link Sink} is called synchronously from {@link #feed(ByteBuffer)}; literals
 * of a delivered command are released when {@link Sink#command(Command)} returns.
 */
public final class LineLiteralDecoder implements AutoCloseable {

    /** Receives what the decoder recognises. */
    public interface Sink {
        /** A complete command; its literals are released when this returns. */
        void command(Command command);

        /** A literal was announced; true to receive it. */
        boolean literalAnnounced(LiteralAnnouncement announcement);

        /** With chunk framing: the size of the raw chunk after this line, or -1. */
        default long chunkSize(byte[] line) {
            return -1;
        }

        /** Input was refused. */
        void rejected(InputError error);
    }

    private enum State { LINE, LITERAL, SKIP, DISCARD }

    /** How many trailing bytes of a discarded line are kept to recognise a literal marker. */
    private static final int TAIL = 32;

    private final int maxLine;
    private final boolean literals;
    private final boolean chunks;
    private final LiteralSpool spool;
    private final Sink sink;

    private State state = State.LINE;
    private byte[] line = new byte[256];
    private int lineLen;
    private final List<Command.Part> parts = new ArrayList<>();
    private LiteralSpool.Writer literal;
    private long skipRemaining;
    /** The literal being read or skipped is a chunk: the command ends with it. */
    private boolean inChunk;
    private boolean reportTooLong;
    private final byte[] tail = new byte[TAIL];
    private int tailLen;
    private boolean halted;

    public LineLiteralDecoder(Framing framing, LiteralSpool spool, Sink sink) {
        this.maxLine = framing.maxLineLength();
        this.literals = framing.literals();
        this.chunks = framing.chunks();
        this.spool = spool;
        this.sink = sink;
    }

    /**
     * Consumes {@code in}. Returns early (leaving bytes in {@code in}) only when a sink callback
     * called {@link #discardBuffered()} or {@link #halt()}.
     */
    public void feed(ByteBuffer in) {
        halted = false;
        while (in.hasRemaining() && !halted) {
            switch (state) {
                case LINE -> readLine(in);
                case LITERAL -> readLiteral(in);
                case SKIP -> skip(in);
                case DISCARD -> discard(in);
            }
        }
    }

    /** Stops the current {@link #feed(ByteBuffer)} after the running callback. */
    public void halt() {
        halted = true;
    }

    /**
     * Forgets everything buffered (a partial command, literal data) and stops the current feed:
     * used when switching to TLS, so plaintext sent after STARTTLS is never executed.
     */
    public void discardBuffered() {
        resetCommand();
        state = State.LINE;
        tailLen = 0;
        skipRemaining = 0;
        inChunk = false;
        reportTooLong = false;
        halted = true;
    }

    /** Whether part of a command has been received but not delivered yet. */
    public boolean midCommand() {
        return lineLen > 0 || !parts.isEmpty() || state != State.LINE;
    }

    @Override
    public void close() {
        resetCommand();
    }

    private void readLine(ByteBuffer in) {
        int start = in.position();
        int limit = in.limit();
        int lf = indexOfLf(in, start, limit);
        int end = lf < 0 ? limit : lf;
        int n = end - start;
        if ((long) lineLen + n > (long) maxLine + 1) {
            // too long even allowing for the CR before the LF: discard up to the LF
            addToTail(line, 0, lineLen);
            lineLen = 0;
            resetCommand();
            reportTooLong = true;
            state = State.DISCARD;
            return;
        }
        ensureCapacity(lineLen + n);
        in.get(start, line, lineLen, n);
        lineLen += n;
        in.position(end);
        if (lf >= 0) {
            in.position(lf + 1);
            lineComplete();
        }
    }

    private void lineComplete() {
        int len = lineLen;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        if (len > maxLine) {
            addToTail(line, 0, len);
            lineLen = 0;
            resetCommand();
            reportTooLong = true;
            endOfDiscardedLine();
            return;
        }
        byte[] text = Arrays.copyOf(line, len);
        lineLen = 0;
        if (line.length > 4096) {
            line = new byte[256];
        }
        parts.add(new Command.Text(text));
        LiteralMarker marker = literals ? LiteralMarker.parse(text, 0, len) : null;
        long chunk = marker == null && chunks ? sink.chunkSize(text) : -1;
        if (marker != null) {
            announce(marker);
        } else if (chunk >= 0) {
            announceChunk(chunk);
        } else {
            deliver();
        }
    }

    private void announceChunk(long size) {
        boolean accepted = sink.literalAnnounced(new LiteralAnnouncement(textSoFar(), size, false, true));
        if (halted) {
            return;
        }
        inChunk = true;
        if (accepted) {
            beginLiteral(size, true);
            return;
        }
        resetCommand();
        skipRemaining = size;
        state = State.SKIP;
        if (size == 0) {
            endOfSkippedChunk();
        }
        sink.rejected(InputError.LITERAL_REFUSED);
    }

    private void beginLiteral(long size, boolean binary) {
        try {
            literal = spool.begin(size, binary);
        } catch (IOException e) {
            resetCommand();
            inChunk = false;
            throw new UncheckedIOException("cannot spool a literal of " + size + " bytes", e);
        }
        state = State.LITERAL;
        if (size == 0) {
            finishLiteral();
        }
    }

    private void announce(LiteralMarker marker) {
        LiteralAnnouncement announcement = new LiteralAnnouncement(textSoFar(), marker.size(),
                marker.synchronizing(), marker.binary());
        boolean accepted = sink.literalAnnounced(announcement);
        if (halted) {
            return;
        }
        if (accepted) {
            beginLiteral(marker.size(), marker.binary());
            return;
        }
        resetCommand();
        if (!marker.synchronizing()) {
            // the client sends the data anyway: read and drop it, then the rest of the command
            skipRemaining = marker.size();
            state = skipRemaining > 0 ? State.SKIP : State.DISCARD;
        }
        sink.rejected(InputError.LITERAL_REFUSED);
    }

    private void readLiteral(ByteBuffer in) {
        try {
            literal.write(in);
        } catch (IOException e) {
            resetCommand();
            state = State.LINE;
            inChunk = false;
            throw new UncheckedIOException("cannot spool literal data", e);
        }
        if (literal.remaining() == 0) {
            finishLiteral();
        }
    }

    private void finishLiteral() {
        LiteralSpool.Writer w = literal;
        literal = null;
        try {
            parts.add(w.finish());
        } catch (IOException e) {
            w.abort();
            resetCommand();
            state = State.LINE;
            inChunk = false;
            throw new UncheckedIOException("cannot spool literal data", e);
        }
        state = State.LINE;
        if (inChunk) {
            inChunk = false;
            deliver();
        }
    }

    private void skip(ByteBuffer in) {
        int n = (int) Math.min(in.remaining(), skipRemaining);
        in.position(in.position() + n);
        skipRemaining -= n;
        if (skipRemaining == 0 && inChunk) {
            endOfSkippedChunk();
        } else if (skipRemaining == 0) {
            tailLen = 0;
            reportTooLong = false;
            state = State.DISCARD;
        }
    }

    private void discard(ByteBuffer in) {
        int start = in.position();
        int limit = in.limit();
        int lf = indexOfLf(in, start, limit);
        int end = lf < 0 ? limit : lf;
        int n = end - start;
        if (n > 0) {
            byte[] chunk = new byte[Math.min(n, TAIL)];
            in.get(end - chunk.length, chunk, 0, chunk.length);
            addToTail(chunk, 0, chunk.length);
        }
        in.position(end);
        if (lf >= 0) {
            in.position(lf + 1);
            endOfDiscardedLine();
        }
    }

    private void endOfSkippedChunk() {
        inChunk = false;
        state = State.LINE;
    }

    /** The LF of a discarded line (too long, or the rest of a refused command) was reached. */
    private void endOfDiscardedLine() {
        int len = tailLen;
        if (len > 0 && tail[len - 1] == '\r') {
            len--;
        }
        LiteralMarker marker = literals ? LiteralMarker.parse(tail, 0, len) : null;
        tailLen = 0;
        state = State.LINE;
        boolean report = reportTooLong;
        reportTooLong = false;
        if (marker != null && !marker.synchronizing()) {
            // the command goes on after a literal the client sends unasked: drop that too
            skipRemaining = marker.size();
            state = skipRemaining > 0 ? State.SKIP : State.DISCARD;
        }
        if (report) {
            sink.rejected(InputError.LINE_TOO_LONG);
        }
    }

    private void deliver() {
        Command command = new Command(parts);
        parts.clear();
        try {
            sink.command(command);
        } finally {
            command.release();
        }
    }

    private void resetCommand() {
        for (Command.Part part : parts) {
            if (part instanceof Literal l) {
                l.release();
            }
        }
        parts.clear();
        lineLen = 0;
        if (literal != null) {
            literal.abort();
            literal = null;
        }
    }

    private String textSoFar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Command.Part part : parts) {
            if (part instanceof Command.Text t) {
                out.writeBytes(t.bytes());
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void addToTail(byte[] b, int off, int len) {
        if (len >= TAIL) {
            System.arraycopy(b, off + len - TAIL, tail, 0, TAIL);
            tailLen = TAIL;
            return;
        }
        int keep = Math.min(tailLen, TAIL - len);
        System.arraycopy(tail, tailLen - keep, tail, 0, keep);
        System.arraycopy(b, off, tail, keep, len);
        tailLen = keep + len;
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            long grown = Math.min(2L * line.length, (long) maxLine + 1);
            line = Arrays.copyOf(line, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, grown)));
        }
    }

    private static int indexOfLf(ByteBuffer in, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (in.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
