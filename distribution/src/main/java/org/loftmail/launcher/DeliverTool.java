package org.loftmail.launcher;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code loft deliver -d USER [-f SENDER] [-s SOCKET]}: delivers the message on standard input,
 * like dovecot-lda, for MTAs that pipe mail to a command. It hands the message to the running
 * server's LMTP Unix socket (default {@code <run dir>/lmtp}, Dovecot's {@code service lmtp}
 * default), so the delivery goes through the same user lookup, filters, quota and storage, and
 * exits with sysexits codes an MTA understands: 0 delivered, 67 (EX_NOUSER) unknown user, 75
 * (EX_TEMPFAIL) try again later (also when the server is not running), 77 (EX_NOPERM) over quota,
 * 69 (EX_UNAVAILABLE) other permanent refusals, 64 (EX_USAGE) bad arguments.
 */
public final class DeliverTool {

    static final int OK = 0;
    static final int EX_USAGE = 64;
    static final int EX_NOUSER = 67;
    static final int EX_UNAVAILABLE = 69;
    static final int EX_TEMPFAIL = 75;
    static final int EX_NOPERM = 77;

    private DeliverTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in));
    }

    static int run(String[] args, InputStream message) {
        String user = null;
        String sender = "MAILER-DAEMON";
        Path socket = new FrameworkProperties(Path.of(System.getProperty("loft.home", ".")), null).runDir()
                .resolve("lmtp");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length && (a.equals("-d") || a.equals("-f") || a.equals("-s"))) {
                return usage("missing value for " + a);
            }
            switch (a) {
                case "-d" -> user = args[++i];
                case "-f" -> sender = args[++i];
                case "-s" -> socket = Path.of(args[++i]);
                case "-e", "-k" -> { } // dovecot-lda's "print errors" / "keep env": nothing to do
                default -> {
                    return usage("unknown argument " + a);
                }
            }
        }
        if (user == null) {
            return usage("-d USER is required");
        }
        if (!Files.exists(socket)) {
            System.err.println("loft deliver: the server's LMTP socket " + socket
                    + " does not exist (is Loft running with protocols = lmtp?)");
            return EX_TEMPFAIL;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return transaction(Channels.newInputStream(ch), Channels.newOutputStream(ch), user, sender, message);
        } catch (IOException e) {
            System.err.println("loft deliver: " + e.getMessage());
            return EX_TEMPFAIL;
        }
    }

    private static int transaction(InputStream in, OutputStream out, String user, String sender, InputStream message)
            throws IOException {
        BufferedReader replies = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> r = reply(replies);
        if (!r.get(0).startsWith("220")) {
            return fail(r);
        }
        for (String[] step : new String[][] {{"LHLO localhost", "250"}, {"MAIL FROM:<" + sender + ">", "250"},
                {"RCPT TO:<" + user + ">", "250"}, {"DATA", "354"}}) {
            send(out, step[0] + "\r\n");
            r = reply(replies);
            if (!r.get(r.size() - 1).startsWith(step[1])) {
                return fail(r);
            }
        }
        out.write(dotStuffed(message));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        r = reply(replies);
        send(out, "QUIT\r\n");
        return r.get(0).startsWith("250") ? OK : fail(r);
    }

    /** The message with CRLF line ends and lines starting with a dot doubled (RFC 5321 4.5.2). */
    static byte[] dotStuffed(InputStream message) throws IOException {
        byte[] raw = message.readAllBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + raw.length / 40 + 16);
        boolean lineStart = true;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (lineStart && b == '.') {
                out.write('.');
            }
            if (b == '\n') {
                if (i == 0 || raw[i - 1] != '\r') {
                    out.write('\r');
                }
                lineStart = true;
            } else {
                lineStart = false;
            }
            out.write(b);
        }
        if (raw.length > 0 && raw[raw.length - 1] != '\n') {
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static int fail(List<String> reply) {
        String last = reply.get(reply.size() - 1);
        System.err.println("loft deliver: " + last);
        if (last.startsWith("4")) {
            return EX_TEMPFAIL;
        }
        if (last.startsWith("550 5.1.1")) {
            return EX_NOUSER;
        }
        if (last.startsWith("552 5.2.2")) {
            return EX_NOPERM;
        }
        return EX_UNAVAILABLE;
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One reply, all its lines ({@code 250-...} continued, {@code 250 ...} last). */
    private static List<String> reply(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the server closed the connection");
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    private static int usage(String problem) {
        System.err.println("loft deliver: " + problem);
        System.err.println("usage: loft deliver -d USER [-f SENDER] [-s LMTP_SOCKET] < message");
        return EX_USAGE;
    }
}
