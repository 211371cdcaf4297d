package org.loftmail.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code loft.pid} in the run directory, read by {@code bin/loft reload} and {@code stop}. */
record PidFile(Path path) {

    void write() throws IOException {
        Files.writeString(path, ProcessHandle.current().pid() + "\n");
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort: a stale pid file is checked by the script against a running process
        }
    }
}
