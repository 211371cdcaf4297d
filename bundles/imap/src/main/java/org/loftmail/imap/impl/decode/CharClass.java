package org.loftmail.imap.impl.decode;

/** Character classes of RFC 3501 section 9 (8-bit bytes count as atom characters for UTF-8). */
enum CharClass {
    /** ATOM-CHAR: any CHAR except atom-specials {@code ( ) { SP CTL % * " \ ]}. */
    ATOM,
    /** ASTRING-CHAR: ATOM-CHAR or {@code ]}. */
    ASTRING,
    /** tag: ASTRING-CHAR except {@code +}. */
    TAG,
    /** list-char: ATOM-CHAR, list-wildcards or {@code ]}. */
    LIST;

    boolean accepts(int c) {
        if (c <= 0x20 || c == 0x7f) {
            return false;
        }
        return switch (c) {
            case '(', ')', '{', '"', '\\' -> false;
            case '%', '*' -> this == LIST;
            case ']' -> this != ATOM;
            case '+' -> this != TAG;
            default -> true;
        };
    }
}
