package org.loftmail.auth.passwdfile.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A passwd-file as last read, with what identifies that version (modification time, size,
 * file key), so a changed or replaced file is read again.
 */
final class UserFile {

    private final Object stamp;
    private final Map<String, UserLine> users;

    private UserFile(Object stamp, Map<String, UserLine> users) {
        this.stamp = stamp;
        this.users = users;
    }

    static Object stamp(BasicFileAttributes a) {
        return java.util.Arrays.asList(a.lastModifiedTime(), a.size(), a.fileKey());
    }

    /** Reads {@code path}; a user written twice keeps its first line, as in Dovecot. */
    static UserFile read(Path path, BasicFileAttributes attributes) throws IOException {
        Map<String, UserLine> users = new HashMap<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            UserLine u = UserLine.parse(line);
            if (u != null) {
                users.putIfAbsent(u.user(), u);
            }
        }
        return new UserFile(stamp(attributes), Map.copyOf(users));
    }

    boolean current(BasicFileAttributes attributes) {
        return Objects.equals(stamp, stamp(attributes));
    }

    UserLine get(String user) {
        return users.get(user);
    }
}
