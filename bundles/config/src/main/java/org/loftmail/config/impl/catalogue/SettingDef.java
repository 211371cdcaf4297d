package org.loftmail.config.impl.catalogue;

/**
 * A setting that may be written in a section type.
 *
 * @param path the section type path: "." for the top level, else types joined by " > "
 *     ({@code service > inet_listener})
 * @param key the setting name
 * @param type what values it takes
 * @param defaultValue the built-in default
 * @param loft true for Loft's own settings, which Dovecot does not know
 */
public record SettingDef(String path, String key, SettingType type, String defaultValue, boolean loft) {
}
