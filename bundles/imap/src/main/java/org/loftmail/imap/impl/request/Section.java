package org.loftmail.imap.impl.request;

import java.util.List;

/**
 * {@code section} (RFC 3501 9): a part path and what of it.
 *
 * @param part   the part numbers, empty for the whole message
 * @param text   which piece of that part
 * @param fields header field names for HEADER.FIELDS and HEADER.FIELDS.NOT, else empty
 */
public record Section(List<Integer> part, Text text, List<String> fields) {

    public Section {
        part = List.copyOf(part);
        fields = List.copyOf(fields);
    }

    /** {@code BODY[]}. */
    public static Section whole() {
        return new Section(List.of(), Text.NONE, List.of());
    }

    public static Section of(Text text) {
        return new Section(List.of(), text, List.of());
    }

    /** {@code section-msgtext / "MIME"}, or NONE for the whole part. */
    public enum Text {
        NONE, HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT, TEXT, MIME
    }
}
