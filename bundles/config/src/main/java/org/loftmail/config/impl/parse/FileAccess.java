package org.loftmail.config.impl.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the reader gets at files; tests replace {@link #read} for paths outside the test tree. */
public interface FileAccess {

    FileAccess DISK = FileAccess::readLenient;

    /** The whole file as text (UTF-8; bytes that are not are replaced). */
    String read(Path file) throws IOException;

    static String readLenient(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
