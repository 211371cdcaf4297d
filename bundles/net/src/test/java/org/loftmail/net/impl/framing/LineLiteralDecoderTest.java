package org.loftmail.net.impl.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.Literal;
import org.loftmail.api.protocol.LiteralAnnouncement;

class LineLiteralDecoderTest {

    @TempDir
    Path spoolDir;

    /** Records what the decoder reports, as text events: {@code CMD ...}, {@code ANN ...}, {@code REJ ...}. */
    static final class Recorder implements LineLiteralDecoder.Sink {
        final List<String> events = new ArrayList<>();
        final List<Literal> literalsSeen = new ArrayList<>();
        long acceptUpTo = Long.MAX_VALUE;

        @Override
        public void command(Command command) {
            StringBuilder b = new StringBuilder("CMD ");
            for (Command.Part p : command.parts()) {
                if (p instanceof Command.Text t) {
                    b.append(t.asString());
                } else if (p instanceof Literal l) {
                    literalsSeen.add(l);
                    try (InputStream in = l.open()) {
                        byte[] data = in.readAllBytes();
                        b.append('<').append(l.size() <= 64 ? new String(data, StandardCharsets.ISO_8859_1) : data.length + " bytes")
                                .append(l.binary() ? ",bin" : "").append('>');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            events.add(b.toString());
        }

        @Override
        public boolean literalAnnounced(LiteralAnnouncement a) {
            boolean ok = a.size() <= acceptUpTo;
            events.add("ANN " + a.lineSoFar() + " size=" + a.size() + (a.synchronizing() ? " sync" : " nonsync")
                    + (a.binary() ? " bin" : "") + (ok ? "" : " refused"));
            return ok;
        }

        /** SMTP's BDAT: {@code BDAT n [LAST]}. */
        @Override
        public long chunkSize(byte[] line) {
            String l = new String(line, StandardCharsets.US_ASCII);
            return l.matches("BDAT \\d+( LAST)?") ? Long.parseLong(l.split(" ")[1]) : -1;
        }

        @Override
        public void rejected(InputError error) {
            events.add("REJ " + error);
        }
    }

    record Case(String name, Framing framing, long acceptUpTo, String input, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Framing LINES = Framing.lines(20);
    static final Framing LITERALS = Framing.linesWithLiterals(30);
    static final Framing CHUNKS = Framing.linesWithChunks(30);

    static Stream<Case> cases() {
        return Stream.of(
            new Case("crlf lines", LINES, 0, "A NOOP\r\nB NOOP\r\n", List.of("CMD A NOOP", "CMD B NOOP")),
            new Case("bare lf", LINES, 0, "A NOOP\nB\r\n\n", List.of("CMD A NOOP", "CMD B", "CMD ")),
            new Case("cr inside a line is text", LINES, 0, "A\rB\r\n", List.of("CMD A\rB")),
            new Case("exactly max length", LINES, 0, "12345678901234567890\r\nX\r\n",
                    List.of("CMD 12345678901234567890", "CMD X")),
            new Case("max length without cr", LINES, 0, "12345678901234567890\nX\n",
                    List.of("CMD 12345678901234567890", "CMD X")),
            new Case("one over max", LINES, 0, "123456789012345678901\r\nX\r\n",
                    List.of("REJ LINE_TOO_LONG", "CMD X")),
            new Case("far too long", LINES, 0, "x".repeat(500) + "\r\nAFTER\r\n", List.of("REJ LINE_TOO_LONG", "CMD AFTER")),
            new Case("lines framing ignores markers", LINES, 0, "A X {3}\r\nabc\r\n", List.of("CMD A X {3}", "CMD abc")),
            new Case("sync literal", LITERALS, 100, "A LOGIN {3}\r\nbob pw\r\nN\r\n",
                    List.of("ANN A LOGIN {3} size=3 sync", "CMD A LOGIN {3}<bob> pw", "CMD N")),
            new Case("non-sync literal", LITERALS, 100, "A X {5+}\r\nhello\r\n",
                    List.of("ANN A X {5+} size=5 nonsync", "CMD A X {5+}<hello>")),
            new Case("binary literal", LITERALS, 100, "A X ~{3}\r\n\0\r\n\r\n",
                    List.of("ANN A X ~{3} size=3 sync bin", "CMD A X ~{3}<\0\r\n,bin>")),
            new Case("binary non-sync literal", LITERALS, 100, "A X ~{2+}\r\nab\r\n",
                    List.of("ANN A X ~{2+} size=2 nonsync bin", "CMD A X ~{2+}<ab,bin>")),
            new Case("literal data with crlf inside", LITERALS, 100, "A {4}\r\n\r\n\r\n T\r\n",
                    List.of("ANN A {4} size=4 sync", "CMD A {4}<\r\n\r\n> T")),
            new Case("two literals", LITERALS, 100, "A {1}\r\nx {2+}\r\nyz END\r\n",
                    List.of("ANN A {1} size=1 sync", "ANN A {1} {2+} size=2 nonsync", "CMD A {1}<x> {2+}<yz> END")),
            new Case("zero-length literal", LITERALS, 100, "A {0}\r\n\r\n", List.of("ANN A {0} size=0 sync", "CMD A {0}<>")),
            new Case("marker needs braces", LITERALS, 100, "A 3}\r\nA {x}\r\n", List.of("CMD A 3}", "CMD A {x}")),
            new Case("refused sync literal: next line is a new command", LITERALS, 2,
                    "A X {10}\r\nB NOOP\r\n",
                    List.of("ANN A X {10} size=10 sync refused", "REJ LITERAL_REFUSED", "CMD B NOOP")),
            new Case("refused non-sync literal: data and rest of command dropped", LITERALS, 2,
                    "A X {10+}\r\n0123456789 REST\r\nB NOOP\r\n",
                    List.of("ANN A X {10+} size=10 nonsync refused", "REJ LITERAL_REFUSED", "CMD B NOOP")),
            new Case("refused non-sync literal followed by another non-sync one", LITERALS, 2,
                    "A X {10+}\r\n0123456789 {3+}\r\nabc\r\nB\r\n",
                    List.of("ANN A X {10+} size=10 nonsync refused", "REJ LITERAL_REFUSED", "CMD B")),
            new Case("too long line in the middle of a command", LITERALS, 100,
                    "A {1}\r\nx" + "y".repeat(40) + "\r\nB\r\n",
                    List.of("ANN A {1} size=1 sync", "REJ LINE_TOO_LONG", "CMD B")),
            new Case("too long line ending in a non-sync literal skips its data", LITERALS, 100,
                    "A " + "y".repeat(40) + " {4+}\r\nabcd\r\nB\r\n", List.of("REJ LINE_TOO_LONG", "CMD B")),
            new Case("literal with utf-8 text around", LITERALS, 100, "A \u00e9 {2}\r\n\u00e9\r\n",
                    List.of("ANN A \u00e9 {2} size=2 sync", "CMD A \u00e9 {2}<\u00c3\u00a9>")),
            new Case("chunk: raw bytes end the command, lines go on", CHUNKS, 100,
                    "BDAT 5\r\na\r\nb.BDAT 3 LAST\r\nxyzQUIT\r\n",
                    List.of("ANN BDAT 5 size=5 nonsync bin", "CMD BDAT 5<a\r\nb.,bin>",
                            "ANN BDAT 3 LAST size=3 nonsync bin", "CMD BDAT 3 LAST<xyz,bin>", "CMD QUIT")),
            new Case("chunk holding what looks like commands", CHUNKS, 100, "BDAT 8\r\nBDAT 2\r\nN\r\n",
                    List.of("ANN BDAT 8 size=8 nonsync bin", "CMD BDAT 8<BDAT 2\r\n,bin>", "CMD N")),
            new Case("zero-length chunk", CHUNKS, 100, "BDAT 0 LAST\r\nN\r\n",
                    List.of("ANN BDAT 0 LAST size=0 nonsync bin", "CMD BDAT 0 LAST<,bin>", "CMD N")),
            new Case("refused chunk: its bytes are read and dropped", CHUNKS, 2, "BDAT 6\r\nQUIT\r\nN\r\n",
                    List.of("ANN BDAT 6 size=6 nonsync bin refused", "REJ LITERAL_REFUSED", "CMD N")),
            new Case("refused empty chunk", CHUNKS, -1, "BDAT 0\r\nN\r\n",
                    List.of("ANN BDAT 0 size=0 nonsync bin refused", "REJ LITERAL_REFUSED", "CMD N")),
            new Case("chunk framing ignores literal markers", CHUNKS, 100, "A {3}\r\nabc\r\n",
                    List.of("CMD A {3}", "CMD abc")));
    }

    static Stream<Arguments> casesWithSplits() {
        return cases().flatMap(c -> {
            int len = c.input().getBytes(StandardCharsets.UTF_8).length;
            List<Arguments> out = new ArrayList<>();
            out.add(Arguments.of(c, -1)); // one buffer
            out.add(Arguments.of(c, 0)); // one byte per buffer
            for (int i = 1; i < len; i++) {
                out.add(Arguments.of(c, i)); // split in two at every boundary
            }
            return out.stream();
        });
    }

    @ParameterizedTest(name = "{0}, split {1}")
    @MethodSource("casesWithSplits")
    void decodes(Case c, int split) {
        Recorder r = new Recorder();
        r.acceptUpTo = c.acceptUpTo();
        LineLiteralDecoder d = new LineLiteralDecoder(c.framing(), new LiteralSpool(spoolDir), r);
        byte[] input = c.input().getBytes(StandardCharsets.UTF_8);
        if (split < 0) {
            d.feed(ByteBuffer.wrap(input));
        } else if (split == 0) {
            for (byte b : input) {
                d.feed(ByteBuffer.wrap(new byte[] {b}));
            }
        } else {
            d.feed(ByteBuffer.wrap(Arrays.copyOfRange(input, 0, split)));
            d.feed(ByteBuffer.wrap(Arrays.copyOfRange(input, split, input.length)));
        }
        assertEquals(c.expected(), r.events);
        assertFalse(d.midCommand(), "decoder ends between commands");
        for (Literal l : r.literalsSeen) {
            assertThrows(IOException.class, l::open, "literal released after the command");
        }
    }

    @Test
    void largeLiteralIsSpooledToAFileAndDeletedAfterTheCommand() throws IOException {
        int size = 300_000;
        List<Literal> seen = new ArrayList<>();
        List<Path> spoolFiles = new ArrayList<>();
        LineLiteralDecoder.Sink sink = new LineLiteralDecoder.Sink() {
            @Override
            public void command(Command command) {
                Literal l = (Literal) command.parts().get(1);
                seen.add(l);
                FileLiteral f = assertInstanceOf(FileLiteral.class, l, "spooled, not on the heap");
                spoolFiles.add(f.file());
                assertTrue(Files.exists(f.file()));
                try (InputStream in = l.open()) {
                    byte[] data = in.readAllBytes();
                    assertEquals(size, data.length);
                    for (int i = 0; i < data.length; i++) {
                        if (data[i] != (byte) (i % 251)) {
                            throw new AssertionError("byte " + i + " differs");
                        }
                    }
                    assertEquals(size, l.bytes().length, "bytes() still allowed below 1 MiB");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean literalAnnounced(LiteralAnnouncement a) {
                return true;
            }

            @Override
            public void rejected(InputError error) {
                throw new AssertionError(error);
            }
        };
        LineLiteralDecoder d = new LineLiteralDecoder(LITERALS, new LiteralSpool(spoolDir), sink);
        d.feed(ByteBuffer.wrap(("A APPEND INBOX {" + size + "}\r\n").getBytes(StandardCharsets.US_ASCII)));
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i % 251);
        }
        for (int off = 0; off < size; off += 7000) {
            d.feed(ByteBuffer.wrap(data, off, Math.min(7000, size - off)));
        }
        d.feed(ByteBuffer.wrap("\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(1, seen.size());
        assertFalse(Files.exists(spoolFiles.get(0)), "spool file deleted after commandReceived returned");
        try (Stream<Path> files = Files.list(spoolDir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void hugeMaxLineLength() {
        Recorder r = new Recorder();
        LineLiteralDecoder d = new LineLiteralDecoder(Framing.lines(Integer.MAX_VALUE), new LiteralSpool(spoolDir), r);
        d.feed(ByteBuffer.wrap("A NOOP\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of("CMD A NOOP"), r.events);
    }

    @Test
    void smallLiteralStaysInMemory() {
        Recorder r = new Recorder();
        LineLiteralDecoder d = new LineLiteralDecoder(LITERALS, new LiteralSpool(spoolDir), r);
        d.feed(ByteBuffer.wrap(("A {65536}\r\n" + "x".repeat(65536) + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        assertInstanceOf(MemoryLiteral.class, r.literalsSeen.get(0));
    }

    @Test
    void bytesOfHugeLiteralIsRefused() throws IOException {
        Path f = Files.createTempFile(spoolDir, "x", ".tmp");
        FileLiteral l = new FileLiteral(f, 2L * 1024 * 1024, false);
        assertThrows(IllegalStateException.class, l::bytes);
        l.release();
        l.release();
        assertFalse(Files.exists(f));
    }

    @Test
    void closeMidLiteralDeletesTheSpoolFile() throws IOException {
        Recorder r = new Recorder();
        LineLiteralDecoder d = new LineLiteralDecoder(LITERALS, new LiteralSpool(spoolDir), r);
        d.feed(ByteBuffer.wrap(("A {100000}\r\n" + "x".repeat(1000)).getBytes(StandardCharsets.US_ASCII)));
        try (Stream<Path> files = Files.list(spoolDir)) {
            assertEquals(1, files.count());
        }
        assertTrue(d.midCommand());
        d.close();
        try (Stream<Path> files = Files.list(spoolDir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void discardBufferedDropsTheRestOfTheInput() {
        List<String> commands = new ArrayList<>();
        LineLiteralDecoder[] holder = new LineLiteralDecoder[1];
        LineLiteralDecoder d = new LineLiteralDecoder(LINES, new LiteralSpool(spoolDir), new LineLiteralDecoder.Sink() {
            @Override
            public void command(Command command) {
                commands.add(command.firstLine());
                if (command.firstLine().equals("STARTTLS")) {
                    holder[0].discardBuffered();
                }
            }

            @Override
            public boolean literalAnnounced(LiteralAnnouncement a) {
                return false;
            }

            @Override
            public void rejected(InputError error) {
            }
        });
        holder[0] = d;
        ByteBuffer in = ByteBuffer.wrap("STARTTLS\r\nINJECTED\r\nPART".getBytes(StandardCharsets.US_ASCII));
        d.feed(in);
        assertEquals(List.of("STARTTLS"), commands);
        assertFalse(d.midCommand());
        d.feed(ByteBuffer.wrap("AFTER\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of("STARTTLS", "AFTER"), commands);
    }
}
