package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * New files and directories take their permissions from the directory they are created in,
 * as Dovecot does: a file gets the directory's read/write bits (no execute), a directory gets
 * the parent's bits, and both get the directory's group when the group has any access. So a
 * maildir shared by Loft and Dovecot processes (e.g. mode 0770, group mail) stays writable
 * for both, whatever user each runs as. A no-op where POSIX attributes are not supported.
 */
final class DirPermissions {
    private static final Set<PosixFilePermission> EXECUTE = EnumSet.of(PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<PosixFilePermission> GROUP = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE);

    private DirPermissions() {
    }

    /** Gives {@code created} (a file or directory inside {@code dir}) the permissions {@code dir} implies. */
    static void inherit(Path created, Path dir) throws IOException {
        PosixFileAttributeView dirView = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        PosixFileAttributeView view = Files.getFileAttributeView(created, PosixFileAttributeView.class);
        if (dirView == null || view == null) {
            return;
        }
        PosixFileAttributes dirAttrs = dirView.readAttributes();
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        perms.addAll(dirAttrs.permissions());
        if (!Files.isDirectory(created)) {
            perms.removeAll(EXECUTE);
        }
        view.setPermissions(perms);
        GroupPrincipal group = dirAttrs.group();
        if (perms.stream().anyMatch(GROUP::contains) && !group.equals(view.readAttributes().group())) {
            try {
                view.setGroup(group);
            } catch (IOException notAMember) {
                // Dovecot also leaves the group alone when the process may not chgrp
            }
        }
    }
}
