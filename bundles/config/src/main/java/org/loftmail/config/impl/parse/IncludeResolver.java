package org.loftmail.config.impl.parse;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the pattern of {@code !include} / {@code !include_try} into the files it names, like
 * Dovecot's glob(3): relative patterns are relative to the directory of the including file,
 * wildcards ({@code * ? [..] {a,b}}) may appear in the last path element, and matches are read
 * in sorted order.
 */
public final class IncludeResolver {

    /** The files matched, sorted, and the directory whose listing was read (to watch), if any. */
    public record Matches(List<Path> files, Path listedDirectory) {
    }

    private IncludeResolver() {
    }

    public static Path resolve(Path includingFile, String path) {
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return p.normalize();
        }
        Path dir = includingFile.getParent();
        return (dir == null ? p : dir.resolve(p)).normalize();
    }

    public static Matches find(Path includingFile, String pattern) throws IOException {
        Path full = resolve(includingFile, pattern);
        Path fileName = full.getFileName();
        if (fileName == null || !hasWildcard(fileName.toString())) {
            return new Matches(Files.isRegularFile(full) ? List.of(full) : List.of(), null);
        }
        Path dir = full.getParent();
        if (dir != null && hasWildcard(dir.toString())) {
            throw new IOException("wildcards are only supported in the file name, not in the directory: " + pattern);
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return new Matches(List.of(), dir);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + fileName);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && matcher.matches(entry.getFileName()) && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        return new Matches(files, dir);
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }
}
