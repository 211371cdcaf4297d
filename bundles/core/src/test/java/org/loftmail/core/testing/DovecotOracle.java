package org.loftmail.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private, serverless Dovecot 2.3 (Debian's dovecot-core): a throw-away maildir and
 * configuration, {@code doveadm save} to store messages and {@code doveadm fetch} to read
 * back Dovecot's own ENVELOPE, BODY and BODYSTRUCTURE, and a pre-authenticated {@code imap}
 * process for commands such as THREAD and SORT. Dovecot refuses mail access as root, so under
 * root it runs as {@code nobody} in a world-writable folder; {@link #close} deletes it.
 */
public final class DovecotOracle implements AutoCloseable {
    private static final String DOVEADM = "/usr/bin/doveadm";
    private static final String IMAP = "/usr/lib/dovecot/imap";

    /** Dovecot refuses mail access as root: root runs it as nobody, anyone else as themselves. */
    private static final int MAIL_UID = current("uid") == 0 ? 65534 : current("uid");
    private static final int MAIL_GID = current("uid") == 0 ? 65534 : current("gid");

    private final Path dir;
    private final Path conf;

    public DovecotOracle() throws IOException {
        if (!Files.isExecutable(Path.of(DOVEADM)) || !Files.isExecutable(Path.of(IMAP))) {
            throw new IllegalStateException(DOVEADM + " or " + IMAP
                    + " not found: install Debian's dovecot-core and dovecot-imapd");
        }
        dir = Files.createTempDirectory("loft-dovecot-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.createDirectories(dir.resolve("home"));
        Files.setPosixFilePermissions(dir.resolve("home"), PosixFilePermissions.fromString("rwxrwxrwx"));
        conf = dir.resolve("dovecot.conf");
        Files.writeString(conf, String.join("\n",
                "base_dir = " + dir.resolve("run"),
                "state_dir = " + dir.resolve("state"),
                "log_path = " + dir.resolve("dovecot.log"),
                "ssl = no",
                "protocols =",
                "mail_location = maildir:" + dir.resolve("mail"),
                "mail_uid = " + MAIL_UID,
                "mail_gid = " + MAIL_GID,
                "first_valid_uid = 0",
                "first_valid_gid = 0",
                "passdb {", "  driver = static", "  args = password=unused", "}",
                "userdb {", "  driver = static", "  args = uid=" + MAIL_UID + " gid=" + MAIL_GID + " home=" + dir.resolve("home"), "}",
                ""));
    }

    /** Stores one message in INBOX; messages get UIDs 1, 2, ... in the order saved. */
    public void save(byte[] message) throws IOException {
        run(message, "save");
    }

    /**
     * Dovecot's answer for one field of one message, e.g. {@code imap.bodystructure}, as
     * Latin-1 octets. Uses doveadm's pager format: its JSON format replaces invalid UTF-8.
     */
    public String fetch(int uid, String field) throws IOException {
        byte[] out = run(new byte[0], "-f", "pager", "fetch", field, "mailbox", "INBOX", "uid", String.valueOf(uid));
        String text = new String(out, StandardCharsets.ISO_8859_1);
        String prefix = field + ": ";
        if (!text.startsWith(prefix) || !text.endsWith("\n")) {
            throw new IOException("unexpected doveadm output: " + text);
        }
        return text.substring(prefix.length(), text.length() - 1);
    }

    /** One field for every message of INBOX, in UID order (pager format, one doveadm run). */
    public List<String> fetchEach(String field) throws IOException {
        byte[] out = run(new byte[0], "-f", "pager", "fetch", field, "mailbox", "INBOX");
        String text = new String(out, StandardCharsets.ISO_8859_1);
        List<String> values = new ArrayList<>();
        String prefix = field + ": ";
        for (String record : text.split("\n\f\n", -1)) {
            String r = record.endsWith("\n") ? record.substring(0, record.length() - 1) : record;
            if (r.isEmpty()) {
                continue;
            }
            if (!r.startsWith(prefix)) {
                throw new IOException("unexpected doveadm output: " + r);
            }
            values.add(r.substring(prefix.length()));
        }
        return values;
    }

    /**
     * Runs Dovecot's {@code imap} binary pre-authenticated on INBOX with the given commands
     * (tagged {@code t1}, {@code t2}, ...) and returns the untagged lines that start with
     * {@code "* " + untagged + " "}, one per command, without that prefix.
     */
    public List<String> imap(String untagged, List<String> commands) throws IOException {
        StringBuilder script = new StringBuilder("s0 SELECT INBOX\r\n");
        for (int i = 0; i < commands.size(); i++) {
            script.append('t').append(i + 1).append(' ').append(commands.get(i)).append("\r\n");
        }
        script.append("z LOGOUT\r\n");
        byte[] out = runCommand(List.of(IMAP, "-c", conf.toString()), script.toString().getBytes(StandardCharsets.UTF_8));
        List<String> answers = new ArrayList<>();
        String prefix = "* " + untagged;
        for (String line : new String(out, StandardCharsets.UTF_8).split("\r\n")) {
            if (line.equals(prefix)) {
                answers.add("");
            } else if (line.startsWith(prefix + " ")) {
                answers.add(line.substring(prefix.length() + 1));
            } else if (line.startsWith("t") && !line.contains(" OK ")) {
                throw new IOException("Dovecot refused: " + line);
            }
        }
        if (answers.size() != commands.size()) {
            throw new IOException("expected " + commands.size() + " answers, got: " + new String(out, StandardCharsets.UTF_8));
        }
        return answers;
    }

    /** Appends messages to INBOX in one {@code imap} session (LITERAL+), in order. */
    public void append(List<byte[]> messages) throws IOException {
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        for (int i = 0; i < messages.size(); i++) {
            script.writeBytes(("a" + i + " APPEND INBOX {" + messages.get(i).length + "+}\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            script.writeBytes(messages.get(i));
            script.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        script.writeBytes("z LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
        String out = new String(runCommand(List.of(IMAP, "-c", conf.toString()), script.toByteArray()),
                StandardCharsets.UTF_8);
        for (int i = 0; i < messages.size(); i++) {
            if (!out.contains("\r\na" + i + " OK ")) {
                throw new IOException("APPEND " + i + " failed: " + out);
            }
        }
    }

    /**
     * {@code doveadm mailbox mutf7}: UTF-8 to modified UTF-7, or back when {@code decode};
     * null when Dovecot rejects the name.
     */
    public String mutf7(String name, boolean decode) throws IOException {
        try {
            byte[] out = decode ? run(new byte[0], "mailbox", "mutf7", "-7", name)
                    : run(new byte[0], "mailbox", "mutf7", name);
            String text = new String(out, StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            if (e.getMessage().contains("not valid mUTF-7")) {
                return null;
            }
            throw e;
        }
    }

    private byte[] run(byte[] stdin, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(DOVEADM, "-c", conf.toString()));
        cmd.addAll(List.of(args));
        return runCommand(cmd, stdin);
    }

    private byte[] runCommand(List<String> cmd, byte[] stdin) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("USER", "loft");
        pb.environment().put("HOME", dir.resolve("home").toString());
        pb.redirectErrorStream(false);
        Process p = pb.start();
        // feed stdin and drain stderr on their own threads so no pipe can fill up and block
        Thread writer = Thread.ofVirtual().start(() -> {
            try (var in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the process ended early; its exit code and stderr tell why
            }
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errors = Thread.ofVirtual().start(() -> {
            try (InputStream e = p.getErrorStream()) {
                e.transferTo(err);
            } catch (IOException e) {
                // stderr is only used for the failure message
            }
        });
        byte[] out;
        try (InputStream o = p.getInputStream()) {
            out = o.readAllBytes();
        }
        try {
            writer.join();
            errors.join();
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IOException(String.join(" ", cmd) + " exited " + rc + ": "
                        + err.toString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }

    private static int current(String id) {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:" + id);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot tell the current " + id, e);
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
