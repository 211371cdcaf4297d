package org.loftmail.config.impl.parse;

/**
 * One logical line of a Dovecot configuration file (continuations joined, comment removed).
 *
 * @param kind what the line is
 * @param number the line number where the logical line starts (1-based)
 * @param key the setting name, the section type, or the include directive
 * @param value the value, the section name (null when absent), the include pattern, or for
 *     {@link Kind#ERROR} the sentence saying what is wrong
 */
public record Line(Kind kind, int number, String key, String value) {

    public enum Kind {
        /** {@code key = value}, value unquoted when it was quoted. */
        KEY_VALUE,
        /** {@code key = value} whose unquoted value holds {@code $name} references. */
        KEY_VARIABLE,
        /** {@code key = <path}: value is the path. */
        KEY_FILE,
        /** {@code type [name] {}. */
        SECTION_BEGIN,
        /** {@code }}. */
        SECTION_END,
        /** {@code !include pattern}. */
        INCLUDE,
        /** {@code !include_try pattern}. */
        INCLUDE_TRY,
        /** Not valid syntax: value says why. */
        ERROR,
        /** A '#' right after other text was taken as a comment (Dovecot warns too). */
        AMBIGUOUS_COMMENT
    }
}
