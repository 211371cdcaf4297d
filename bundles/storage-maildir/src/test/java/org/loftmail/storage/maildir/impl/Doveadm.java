package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Drives the real Dovecot 2.3 {@code doveadm} against a private configuration: static
 * userdb/passdb, {@code mail_location = maildir:<base>/mail/%u<options>}, base, state and log
 * directories under {@code base}. Dovecot refuses mail access as root, so mail runs as the
 * Debian {@code mail} user and the test tree is handed to it before each call. The user is
 * given through {@code USER}/{@code HOME} (doveadm's "no -u" mode), which needs no running
 * auth service.
 */
final class Doveadm {
    static final String USER = "bob";
    private final Path base;
    private final Path conf;

    Doveadm(Path base, String locationOptions) throws IOException {
        this.base = base;
        Files.createDirectories(base.resolve("mail"));
        Files.createDirectories(base.resolve("home").resolve(USER));
        conf = base.resolve("dovecot.conf");
        Files.writeString(conf, """
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                ssl = no
                protocols =
                first_valid_uid = 1
                first_valid_gid = 1
                mail_uid = mail
                mail_gid = mail
                passdb {
                  driver = static
                  args = password=test
                }
                userdb {
                  driver = static
                  args = home=%1$s/home/%%u
                }
                mail_location = maildir:%1$s/mail/%%u%2$s
                namespace inbox {
                  inbox = yes
                  separator = /
                }
                """.formatted(base, locationOptions));
    }

    /** The user's maildir root. */
    Path maildir() {
        return base.resolve("mail").resolve(USER);
    }

    /** The {@code mail_location} Loft should use for the same user. */
    MailLocation location(String options) {
        return MailLocation.parse("maildir:" + maildir() + options, USER, base.resolve("home").resolve(USER).toString());
    }

    String run(String... args) throws IOException, InterruptedException {
        return run(null, args);
    }

    String save(String mailbox, String message) throws IOException, InterruptedException {
        return run(message.getBytes(StandardCharsets.UTF_8), "save", "-m", mailbox);
    }

    /** UID to flags (without \Recent, which depends on who looked first) of every message. */
    Map<Long, TreeSet<String>> uidFlags(String mailbox) throws IOException, InterruptedException {
        Map<Long, TreeSet<String>> result = new LinkedHashMap<>();
        List<String> lines = run("-f", "tab", "fetch", "uid flags", "mailbox", mailbox, "all").lines().toList();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] cols = line.split("\t", -1);
            TreeSet<String> flags = new TreeSet<>(List.of(cols[1].trim().split(" +")));
            flags.remove("");
            flags.remove("\\Recent");
            result.put(Long.parseLong(cols[0]), flags);
        }
        return result;
    }

    String status(String field, String mailbox) throws IOException, InterruptedException {
        String out = run("-f", "tab", "mailbox", "status", field, mailbox);
        String row = out.lines().skip(1).findFirst().orElseThrow();
        return row.substring(row.lastIndexOf('\t') + 1).trim();
    }

    List<String> mailboxes(boolean subscribedOnly) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("mailbox", "list"));
        if (subscribedOnly) {
            args.add("-s");
        }
        return run(args.toArray(String[]::new)).lines().map(String::trim).filter(s -> !s.isEmpty()).sorted().toList();
    }

    private String run(byte[] stdin, String... args) throws IOException, InterruptedException {
        giveTreeToMailUser();
        List<String> cmd = new ArrayList<>(List.of("doveadm", "-c", conf.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("USER", USER);
        pb.environment().put("HOME", base.resolve("home").resolve(USER).toString());
        Path err = Files.createTempFile(base, "doveadm", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        String out;
        try (InputStream o = p.getInputStream()) {
            out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("doveadm did not finish: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IOException("doveadm " + String.join(" ", args) + " exited " + p.exitValue() + ": "
                    + Files.readString(err));
        }
        String complaint = Files.readString(err);
        if (!complaint.isBlank()) {
            complaints.add(String.join(" ", args) + ": " + complaint.trim());
        }
        Files.delete(err);
        return out;
    }

    /**
     * From now on Loft and Dovecot share the tree through the group: directories 0770 and
     * group {@code mail}, so what either creates stays writable for the other (Loft's files
     * inherit the directory's mode and group, as Dovecot's do) and no chown is needed between
     * calls, so both may run at the same time.
     */
    void shareThroughGroup() throws IOException, InterruptedException {
        giveTreeToMailUser();
        exec("chmod", "-R", "u+rwX,g+rwX,o-rwx", base.toString());
        shared = true;
    }

    private boolean shared;
    private final List<String> complaints = java.util.Collections.synchronizedList(new ArrayList<>());

    /** What doveadm wrote to stderr in calls that succeeded (warnings about the maildir). */
    List<String> complaints() {
        return List.copyOf(complaints);
    }

    private void giveTreeToMailUser() throws IOException, InterruptedException {
        if (!shared) {
            exec("chown", "-R", "mail:mail", base.toString());
        }
    }

    private static void exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed");
        }
    }
}
