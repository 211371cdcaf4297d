package org.loftmail.storage.maildir.impl;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny IMAP4rev1 client over a plain socket, just enough to drive a real Dovecot in tests:
 * tagged commands, untagged responses (literals in responses are folded into the response
 * text), APPEND with a non-synchronizing literal (LITERAL+).
 */
final class ImapTestClient implements AutoCloseable {
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?}$");
    private static final Pattern UID = Pattern.compile("[( ]UID (\\d+)");
    private static final Pattern FLAGS = Pattern.compile("FLAGS \\(([^)]*)\\)");
    private static final Pattern SUBJECT = Pattern.compile("(?mi)^Subject: *(.*?)\r?$");
    private static final Pattern APPENDUID = Pattern.compile("\\[APPENDUID (\\d+) (\\d+)]");
    private static final Pattern UIDVALIDITY = Pattern.compile("\\[UIDVALIDITY (\\d+)]");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    ImapTestClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        String greeting = readResponse();
        if (!greeting.startsWith("* OK")) {
            throw new IOException("no IMAP greeting: " + greeting);
        }
    }

    static ImapTestClient login(int port, String user, String password) throws IOException {
        ImapTestClient c = new ImapTestClient(port);
        c.command("LOGIN " + user + " " + password);
        return c;
    }

    /** Runs one command; returns its untagged responses. Fails unless the tagged response is OK. */
    List<String> command(String command) throws IOException {
        String t = nextTag();
        out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return finish(t, command);
    }

    /** SELECTs the mailbox and returns its UIDVALIDITY. */
    long select(String mailbox) throws IOException {
        for (String r : command("SELECT " + mailbox)) {
            Matcher m = UIDVALIDITY.matcher(r);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new IOException("SELECT gave no UIDVALIDITY");
    }

    /** APPENDs the message and returns the UID from the APPENDUID response code. */
    long append(String mailbox, String flags, byte[] message) throws IOException {
        String t = nextTag();
        String cmd = "APPEND " + mailbox + " (" + flags + ") {" + message.length + "+}";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write((t + " " + cmd + "\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(message);
        b.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(b.toByteArray());
        out.flush();
        finish(t, cmd);
        Matcher m = APPENDUID.matcher(lastTagged);
        if (!m.find()) {
            throw new IOException("APPEND gave no APPENDUID: " + lastTagged);
        }
        return Long.parseLong(m.group(2));
    }

    /** UID to flags (without \Recent) of every message in the selected mailbox. */
    Map<Long, TreeSet<String>> uidFlags() throws IOException {
        Map<Long, TreeSet<String>> result = new LinkedHashMap<>();
        for (String r : command("UID FETCH 1:* (UID FLAGS)")) {
            Matcher u = UID.matcher(r);
            Matcher f = FLAGS.matcher(r);
            if (r.contains(" FETCH ") && u.find() && f.find()) {
                TreeSet<String> flags = new TreeSet<>(List.of(f.group(1).trim().split(" +")));
                flags.remove("");
                flags.remove("\\Recent");
                result.put(Long.parseLong(u.group(1)), flags);
            }
        }
        return result;
    }

    /** UID to Subject of every message in the selected mailbox. */
    Map<Long, String> uidSubjects() throws IOException {
        Map<Long, String> result = new LinkedHashMap<>();
        for (String r : command("UID FETCH 1:* (UID BODY.PEEK[HEADER.FIELDS (SUBJECT)])")) {
            Matcher u = UID.matcher(r);
            Matcher s = SUBJECT.matcher(r);
            if (r.contains(" FETCH ") && u.find() && s.find()) {
                result.put(Long.parseLong(u.group(1)), s.group(1));
            }
        }
        return result;
    }

    private String lastTagged = "";

    private List<String> finish(String t, String command) throws IOException {
        List<String> untagged = new ArrayList<>();
        while (true) {
            String r = readResponse();
            if (r.startsWith(t + " ")) {
                lastTagged = r;
                if (!r.startsWith(t + " OK")) {
                    throw new IOException("IMAP " + command + " failed: " + r + " (untagged: " + untagged + ")");
                }
                return untagged;
            }
            if (r.startsWith("+")) {
                throw new IOException("unexpected continuation for " + command + ": " + r);
            }
            untagged.add(r);
        }
    }

    private String nextTag() {
        return "T" + (++tag);
    }

    /** One response: a line, with any literal it announces (and the rest after it) folded in. */
    private String readResponse() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            String line = readLine();
            sb.append(line);
            Matcher m = LITERAL.matcher(line);
            if (!m.find()) {
                return sb.toString();
            }
            byte[] literal = in.readNBytes(Integer.parseInt(m.group(1)));
            sb.append("\r\n").append(new String(literal, StandardCharsets.UTF_8));
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("IMAP connection closed; partial line: " + b.toString(StandardCharsets.UTF_8));
            }
            if (c == '\n' && prev == '\r') {
                byte[] bytes = b.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            b.write(c);
            prev = c;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            command("LOGOUT");
        } catch (IOException ignored) {
            // BYE then close: fine either way
        } finally {
            socket.close();
        }
    }
}
