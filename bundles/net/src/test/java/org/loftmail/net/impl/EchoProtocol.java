package org.loftmail.net.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.loftmail.api.protocol.Command;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.InputError;
import org.loftmail.api.protocol.Literal;
import org.loftmail.api.protocol.LiteralAnnouncement;
import org.loftmail.api.protocol.Protocol;
import org.loftmail.api.protocol.ProtocolSession;

/**
 * A tiny line protocol for tests. Greets with {@code * OK echo}, answers {@code ECHO <line>} and
 * understands QUIT, STARTTLS, WHO, USER, IDLE, THROW, BIG and SLEEP.
 */
final class EchoProtocol implements Protocol {

    final Framing framing;
    final long literalLimit;
    final ConcurrentLinkedQueue<String> commands = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
    final AtomicInteger opened = new AtomicInteger();
    final Semaphore closed = new Semaphore(0);
    final Semaphore bigWritten = new Semaphore(0);
    volatile CountDownLatch sleepLatch = new CountDownLatch(0);

    EchoProtocol() {
        this(Framing.linesWithLiterals(200), 1 << 20);
    }

    EchoProtocol(Framing framing, long literalLimit) {
        this.framing = framing;
        this.literalLimit = literalLimit;
    }

    @Override
    public Framing framing() {
        return framing;
    }

    @Override
    public ProtocolSession open(Connection connection) {
        opened.incrementAndGet();
        return new Session(connection);
    }

    /** Number of commands seen whose first line is {@code line}. */
    long count(String line) {
        return commands.stream().filter(line::equals).count();
    }

    final class Session implements ProtocolSession {
        private final Connection c;

        Session(Connection c) {
            this.c = c;
        }

        @Override
        public void started() {
            threads.add(Thread.currentThread().getName() + (Thread.currentThread().isVirtual() ? " virtual" : ""));
            c.write("* OK echo " + c.id() + "\r\n");
        }

        @Override
        public void commandReceived(Command command) {
            String line = command.firstLine();
            commands.add(line);
            String[] words = line.split(" ");
            switch (words[0].toUpperCase()) {
                case "QUIT" -> {
                    c.write("BYE\r\n");
                    c.close();
                }
                case "STARTTLS" -> {
                    if (!c.tlsAvailable()) {
                        c.write("NO TLS not available\r\n");
                        return;
                    }
                    c.write("OK begin TLS\r\n");
                    c.startTls();
                }
                case "WHO" -> c.write("WHO " + Addresses.format(c.remoteAddress()) + " secure=" + c.secure() + " local="
                        + c.local() + " tls=" + c.tlsAvailable() + " listener=" + c.listenerName() + " user="
                        + c.user().orElse("-") + "\r\n");
                case "USER" -> {
                    c.setUser(words[1]);
                    c.write("OK\r\n");
                }
                case "IDLE" -> {
                    c.setIdleTimeout(Duration.ofMillis(Long.parseLong(words[1])));
                    c.write("OK\r\n");
                }
                case "MDC" -> c.write("MDC session=" + org.slf4j.MDC.get("session") + " user=" + org.slf4j.MDC.get("user")
                        + " remote=" + org.slf4j.MDC.get("remote") + " thread=" + Thread.currentThread().getName()
                        + (Thread.currentThread().isVirtual() ? " virtual" : "") + "\r\n");
                case "THROW" -> throw new IllegalStateException("boom (test)");
                case "BIG" -> {
                    byte[] chunk = "x".repeat(8191).concat("\n").getBytes(StandardCharsets.US_ASCII);
                    long n = Long.parseLong(words[1]);
                    for (long sent = 0; sent < n; sent += chunk.length) {
                        c.write(chunk);
                    }
                    bigWritten.release();
                    c.write("DONE\r\n");
                }
                case "SLEEP" -> {
                    try {
                        sleepLatch.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    c.write("AWAKE\r\n");
                }
                default -> c.write("ECHO " + describe(command) + "\r\n");
            }
        }

        @Override
        public boolean literalAnnounced(LiteralAnnouncement a) {
            if (a.size() > literalLimit) {
                c.write("NO literal too big\r\n");
                return false;
            }
            if (a.synchronizing()) {
                c.write("+ go\r\n");
            }
            return true;
        }

        @Override
        public void inputRejected(InputError error) {
            c.write("BAD " + error + "\r\n");
        }

        @Override
        public void idleTimedOut(Connection connection) {
            connection.write("BYE idle\r\n");
            connection.close();
        }

        @Override
        public void closed() {
            closed.release();
        }
    }

    static String describe(Command command) {
        StringBuilder b = new StringBuilder();
        for (Command.Part p : command.parts()) {
            if (p instanceof Command.Text t) {
                b.append(t.asString());
            } else if (p instanceof Literal l) {
                try (InputStream in = l.open()) {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    byte[] buf = new byte[8192];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        md.update(buf, 0, n);
                    }
                    b.append("[").append(l.size()).append(" ").append(HexFormat.of().formatHex(md.digest()), 0, 8).append("]");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return b.toString();
    }

    static String sha8(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
