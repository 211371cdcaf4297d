package org.loftmail.config.impl.model;

import java.nio.file.Path;

/** Where something was written: a file and a 1-based line (0 when the whole file is meant). */
public record Location(Path file, int line) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file.toString();
    }
}
