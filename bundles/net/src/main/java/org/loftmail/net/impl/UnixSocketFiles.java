package org.loftmail.net.impl;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The socket file of a Unix listener: stale file removal, mode and owner. */
final class UnixSocketFiles {

    private static final Logger LOG = LoggerFactory.getLogger(UnixSocketFiles.class);

    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private UnixSocketFiles() {
    }

    /**
     * Creates the parent directories and removes a stale socket file. A socket some process still
     * accepts on is left alone: binding then fails with a clear message.
     */
    static void prepare(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot listen on " + path + ": it is a directory");
        }
        if (inUse(path)) {
            throw new IOException("cannot listen on " + path + ": another process is listening on it");
        }
        Files.delete(path);
        LOG.info("removed stale socket file {}", path);
    }

    private static boolean inUse(Path path) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Parses an octal mode such as {@code 0660}. */
    static Set<PosixFilePermission> permissions(String mode) {
        int bits = Integer.parseInt(mode.trim(), 8);
        if (bits < 0 || bits > 0777) {
            throw new NumberFormatException("mode out of range: " + mode);
        }
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((bits & (1 << i)) != 0) {
                set.add(BITS[i]);
            }
        }
        return set;
    }

    static void applyMode(Path path, String mode) {
        if (mode == null || mode.isBlank()) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, permissions(mode));
        } catch (NumberFormatException e) {
            LOG.warn("socket {}: invalid mode '{}' (expected octal such as 0600): {}", path, mode, e.getMessage());
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("socket {}: cannot set mode {}: {}", path, mode, e.toString());
        }
    }

    static void applyOwner(Path path, String user, String group) {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        if (user != null && !user.isBlank()) {
            try {
                UserPrincipal u = lookup.lookupPrincipalByName(user);
                Files.setOwner(path, u);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                LOG.warn("socket {}: cannot change owner to user '{}' (unknown user, or not running as root): {}; going on",
                        path, user, e.toString());
            }
        }
        if (group != null && !group.isBlank()) {
            try {
                GroupPrincipal g = lookup.lookupPrincipalByGroupName(group);
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                view.setGroup(g);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                LOG.warn("socket {}: cannot change group to '{}' (unknown group, or not permitted): {}; going on",
                        path, group, e.toString());
            }
        }
    }
}
