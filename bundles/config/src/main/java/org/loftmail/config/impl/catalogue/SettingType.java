package org.loftmail.config.impl.catalogue;

import java.util.List;

/** The kind of value a setting takes, as Dovecot 2.3 checks it. */
public record SettingType(Kind kind, List<String> values) {

    public enum Kind { STRING, BOOL, UINT, OCTAL, SIZE, TIME, TIME_MSECS, PORT, ENUM }

    public static final SettingType STRING = new SettingType(Kind.STRING, List.of());

    /** {@code string}, {@code bool}, ..., {@code enum:a|b|c} as written in the catalogue. */
    public static SettingType parse(String text) {
        if (text.startsWith("enum:")) {
            return new SettingType(Kind.ENUM, List.of(text.substring(5).split("\\|")));
        }
        return new SettingType(Kind.valueOf(text.toUpperCase(java.util.Locale.ROOT)), List.of());
    }
}
