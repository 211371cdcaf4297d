package org.loftmail.config.impl.model;

import java.nio.file.Path;

/**
 * {@code key = value}, as the reader understood it.
 *
 * @param key the setting name
 * @param value the value after unquoting, {@code $setting} expansion and {@code <file} reading;
 *     {@code %} variables are kept as written
 * @param written the value as it was written after the {@code =} (for messages)
 * @param file the path of a {@code key = <file} value (absolute or relative to the working
 *     directory), else null; {@link #value} then holds the file's content
 * @param fileError why the {@code <file} could not be read (then value is empty), else null
 * @param location where it was written
 */
public record Setting(String key, String value, String written, Path file, String fileError, Location location)
        implements Node {

    public static Setting of(String key, String value, String written, Location location) {
        return new Setting(key, value, written, null, null, location);
    }

    public boolean fromFile() {
        return file != null;
    }
}
