package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loftmail.core.imap.ModifiedUtf7;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a user's folders live, for the layouts Dovecot 2.3 uses with maildir. Names use
 * {@code /} as hierarchy separator. Maildir++ (the default): {@code Work/Projects} is
 * {@code <root>/.Work.Projects} with a {@code maildirfolder} marker; {@code LAYOUT=fs}:
 * {@code <root>/Work/Projects}. INBOX is the root (or {@code INBOX=}). Levels are stored in
 * modified UTF-7 unless the location says {@code :UTF-8}. Parents that do not exist on disk
 * are listed as not selectable, as Dovecot lists them.
 */
public final class MaildirFolders {
    public static final String MARKER = "maildirfolder";
    private static final Set<String> SUBDIRS = Set.of("cur", "new", "tmp");

    /** A listed folder; {@code selectable} when it is a maildir (has {@code cur/}). */
    public record Folder(String name, boolean selectable) {
    }

    private final MailLocation location;

    /** @throws IllegalArgumentException for {@code LAYOUT=index}, which is not supported yet */
    public MaildirFolders(MailLocation location) {
        if (location.layout() == MailLocation.Layout.INDEX) {
            throw new IllegalArgumentException("LAYOUT=index is not supported yet (use maildir++ or fs)");
        }
        this.location = location;
    }

    private boolean plusPlus() {
        return location.layout() != MailLocation.Layout.FS;
    }

    public static boolean isInbox(String name) {
        return name.toUpperCase(Locale.ROOT).equals("INBOX");
    }

    /** The directory of a folder; refuses names that break {@link MailboxNames}' rules. */
    public Path path(String name) {
        if (isInbox(name)) {
            return location.inbox().orElse(location.root());
        }
        List<String> stored = storageLevels(name);
        Path root = location.root().normalize();
        Path p = plusPlus() ? root.resolve("." + String.join(".", stored)) : root.resolve(String.join("/", stored));
        if (!p.normalize().startsWith(root) || p.normalize().equals(root)) {
            throw new IllegalArgumentException("mailbox name leaves the user's root: " + name);
        }
        return p;
    }

    /**
     * Where a folder's {@code dovecot-uidlist} and {@code dovecot-keywords} live: the folder
     * itself, or with {@code CONTROL=} the same layout under the control root, INBOX being
     * {@code .INBOX} (Maildir++) or {@code INBOX} (fs) there, as Dovecot places them.
     */
    public Path controlPath(String name) {
        return location.control().map(control -> under(control, name)).orElseGet(() -> path(name));
    }

    /**
     * Where Loft's index files of a folder ({@code loft-index}, {@code loft-messages}) live: with
     * {@code INDEX=<dir>} the same layout under that directory, INBOX being {@code .INBOX}
     * (Maildir++) or {@code INBOX} (fs) there, where Dovecot 2.3 puts its {@code dovecot.index*};
     * without it, the {@linkplain #controlPath control directory}; null for {@code INDEX=MEMORY}.
     */
    public Path indexPath(String name) {
        if (location.indexInMemory()) {
            return null;
        }
        return location.indexDir().map(index -> under(index, name)).orElseGet(() -> controlPath(name));
    }

    /** A folder's directory under a CONTROL= or INDEX= root, laid out like the mail root. */
    private Path under(Path base, String name) {
        List<String> stored = isInbox(name) ? List.of("INBOX") : storageLevels(name);
        return plusPlus() ? base.resolve("." + String.join(".", stored)) : base.resolve(String.join("/", stored));
    }

    /** The on-disk form of each level of a valid name. */
    List<String> storageLevels(String name) {
        List<String> levels = MailboxNames.levels(name, plusPlus());
        List<String> stored = new ArrayList<>();
        for (String level : levels) {
            if (!plusPlus() && SUBDIRS.contains(level)) {
                throw new IllegalArgumentException("'" + level + "' is a maildir subdirectory, not a folder name");
            }
            stored.add(location.utf8() ? level : ModifiedUtf7.encode(level));
        }
        return stored;
    }

    String fromStorage(String level) {
        return location.utf8() ? level : ModifiedUtf7.decode(level);
    }

    /** Creates {@code cur/ new/ tmp/} (and the Maildir++ marker); fails if it is a maildir already. */
    public Path create(String name) throws IOException {
        Path dir = path(name);
        if (Files.isDirectory(dir.resolve("cur")) && !isInbox(name)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "mailbox exists: " + name);
        }
        ensureMaildir(dir);
        if (plusPlus() && !isInbox(name)) {
            Path marker = dir.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.createFile(marker);
                DirPermissions.inherit(marker, dir);
            }
        }
        Fsync.directory(dir.getParent());
        return dir;
    }

    /** Creates {@code cur/ new/ tmp/} under {@code dir} where missing. */
    public static void ensureMaildir(Path dir) throws IOException {
        createInheriting(dir.toAbsolutePath());
        for (String sub : List.of("tmp", "new", "cur")) {
            createInheriting(dir.toAbsolutePath().resolve(sub));
        }
    }

    /** Creates {@code dir} and missing parents, each with the permissions of its parent. */
    private static void createInheriting(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createInheriting(parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(dir)) {
                throw raced;
            }
            return;
        }
        if (parent != null) {
            DirPermissions.inherit(dir, parent);
        }
    }

    /** INBOX first, then all folders by name, with implied parents. */
    public List<Folder> list() throws IOException {
        TreeMap<String, Boolean> found = new TreeMap<>();
        if (plusPlus()) {
            for (Path p : dirs(location.root())) {
                String dirName = p.getFileName().toString();
                if (dirName.startsWith(".") && dirName.length() > 1 && !dirName.equals("..")) {
                    List<String> levels = new ArrayList<>();
                    for (String level : dirName.substring(1).split("\\.", -1)) {
                        levels.add(fromStorage(level));
                    }
                    addWithParents(found, levels, Files.isDirectory(p.resolve("cur")));
                }
            }
        } else {
            walkFs(location.root(), new ArrayList<>(), found);
        }
        List<Folder> folders = new ArrayList<>();
        folders.add(new Folder("INBOX", true));
        found.remove("INBOX");
        found.forEach((n, s) -> folders.add(new Folder(n, s)));
        return folders;
    }

    private void walkFs(Path dir, List<String> prefix, TreeMap<String, Boolean> found) throws IOException {
        for (Path p : dirs(dir)) {
            String dirName = p.getFileName().toString();
            if (dirName.startsWith(".") || (SUBDIRS.contains(dirName))) {
                continue;
            }
            List<String> levels = new ArrayList<>(prefix);
            levels.add(fromStorage(dirName));
            addWithParents(found, levels, Files.isDirectory(p.resolve("cur")));
            walkFs(p, levels, found);
        }
    }

    private static void addWithParents(TreeMap<String, Boolean> found, List<String> levels, boolean selectable) {
        for (int i = 1; i < levels.size(); i++) {
            found.putIfAbsent(String.join("/", levels.subList(0, i)), false);
        }
        found.merge(String.join("/", levels), selectable, Boolean::logicalOr);
    }

    private static List<Path> dirs(Path dir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
            ds.forEach(dirs::add);
        } catch (NoSuchFileException missing) {
            return dirs;
        }
        return dirs;
    }

    /** The subscriptions file: {@code SUBSCRIPTIONS=} under the CONTROL (else root) dir. */
    public Subscriptions subscriptions() {
        return new Subscriptions(location.controlRoot().resolve(location.subscriptionsFile()), this);
    }
}
