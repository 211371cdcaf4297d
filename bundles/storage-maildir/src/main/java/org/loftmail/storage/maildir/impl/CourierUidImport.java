package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First open of a maildir that Courier-IMAP kept: when there is a {@code courierimapuiddb}
 * and no {@code dovecot-uidlist}, the UIDs, UIDVALIDITY and next UID are taken over into a
 * new {@code dovecot-uidlist}, and keywords from {@code courierimapkeywords/:list} are given
 * {@code dovecot-keywords} letters and written into the file names.
 *
 * <p>{@code courierimapuiddb} is version 1: {@code 1 <uidvalidity> <nextuid>}, then
 * {@code <uid> <base name>} lines. {@code courierimapkeywords/:list} holds the keyword names,
 * one per line, an empty line, then {@code <base name>:<index> <index> ...} lines.
 * Courier's not yet merged per-message updates in the same directory ({@code <base name>} or
 * {@code .<n>.<base name>}, the message's whole keyword set one per line) override the list.
 */
public final class CourierUidImport {
    public static final String UIDDB = "courierimapuiddb";
    public static final String KEYWORDS_DIR = "courierimapkeywords";
    private static final Pattern NUMBERED = Pattern.compile("\\.(\\d{1,18})\\.(.+)");

    private CourierUidImport() {
    }

    /**
     * Imports when there is something to import; true when a uidlist was created.
     *
     * @param mailbox the maildir ({@code cur/ new/ tmp/} and the Courier files)
     * @param control where {@code dovecot-uidlist} and {@code dovecot-keywords} go
     */
    public static boolean importIfNeeded(Path mailbox, Path control) throws IOException {
        Path uiddb = mailbox.resolve(UIDDB);
        if (Files.exists(control.resolve(MaildirUidList.FILE)) || !Files.exists(uiddb)) {
            return false;
        }
        List<String> lines = Files.readAllLines(uiddb, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException("empty " + uiddb);
        }
        UidListParser.Header header = UidListParser.header(lines.get(0));
        if (header.version() != 1) {
            throw new IOException(uiddb + " is version " + header.version() + "; only version 1 is known");
        }
        List<UidListEntry> entries = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                entries.add(UidListParser.entry(1, line));
            }
        }
        try (MaildirUidList uids = MaildirUidList.open(control)) {
            boolean created = uids.create(header.uidValidity(), header.nextUid(), entries);
            if (created) {
                importKeywords(mailbox, uids);
            }
            return created;
        }
    }

    private static void importKeywords(Path mailbox, MaildirUidList uids) throws IOException {
        Path dir = mailbox.resolve(KEYWORDS_DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        Path list = dir.resolve(":list");
        Map<String, Set<String>> byBase = Files.exists(list)
                ? parseList(Files.readAllLines(list, StandardCharsets.UTF_8)) : new HashMap<>();
        byBase.putAll(updates(dir));
        if (byBase.isEmpty()) {
            return;
        }
        MaildirKeywords keywords = MaildirKeywords.read(uids.file().getParent());
        for (MaildirScan.Message m : MaildirScan.scan(mailbox, uids, false)) {
            Set<String> names = byBase.get(m.name().base());
            if (names == null) {
                continue;
            }
            Set<Integer> indexes = new TreeSet<>(m.name().keywords());
            for (String name : names) {
                keywords.assign(name).ifPresent(indexes::add);
            }
            MaildirFilename renamed = m.name().withFlags(m.name().flags(), indexes);
            Files.move(m.path(), m.path().resolveSibling(renamed.fileName()));
        }
    }

    /**
     * Courier's not yet merged updates: {@code <base>} (newest) or {@code .<n>.<base>} (the
     * largest n wins), each holding the message's whole keyword set, one per line.
     */
    static Map<String, Set<String>> updates(Path dir) throws IOException {
        Map<String, Long> newest = new HashMap<>();
        Map<String, Path> files = new HashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                Matcher m = NUMBERED.matcher(name);
                String base = m.matches() ? m.group(2) : name;
                long rank = m.matches() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
                if (name.equals(":list") || (name.startsWith(".") && !m.matches())) {
                    continue;
                }
                if (rank >= newest.getOrDefault(base, -1L)) {
                    newest.put(base, rank);
                    files.put(base, p);
                }
            }
        }
        Map<String, Set<String>> byBase = new HashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Set<String> kws = new LinkedHashSet<>();
            for (String line : Files.readAllLines(e.getValue(), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    kws.add(line.trim());
                }
            }
            byBase.put(e.getKey(), kws);
        }
        return byBase;
    }

    static Map<String, Set<String>> parseList(List<String> lines) {
        List<String> names = new ArrayList<>();
        int i = 0;
        for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            names.add(lines.get(i));
        }
        Map<String, Set<String>> byBase = new HashMap<>();
        for (i++; i < lines.size(); i++) {
            String line = lines.get(i);
            int colon = line.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            Set<String> kws = new LinkedHashSet<>();
            for (String idx : line.substring(colon + 1).trim().split(" +")) {
                try {
                    int n = Integer.parseInt(idx);
                    if (n >= 0 && n < names.size()) {
                        kws.add(names.get(n));
                    }
                } catch (NumberFormatException ignored) {
                    // a damaged index: that keyword is lost, the others are kept
                }
            }
            byBase.put(line.substring(0, colon), kws);
        }
        return byBase;
    }
}
