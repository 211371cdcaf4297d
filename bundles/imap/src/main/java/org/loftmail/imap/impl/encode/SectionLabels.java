package org.loftmail.imap.impl.encode;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.loftmail.imap.impl.request.FetchAttribute;
import org.loftmail.imap.impl.request.Section;

/**
 * The name a requested section answers under (RFC 3501 7.4.2): {@code BODY.PEEK} answers as
 * {@code BODY}, a partial as {@code <origin>} only, header field names as the client wrote them
 * (here upper case), RFC822 forms under their own names.
 */
public final class SectionLabels {

    private SectionLabels() {
    }

    public static String of(FetchAttribute.Body body) {
        if (body.legacyName() != null) {
            return body.legacyName();
        }
        return "BODY[" + spec(body.section()) + "]" + origin(body.partial());
    }

    public static String of(FetchAttribute.Binary binary) {
        return "BINARY[" + part(binary.part()) + "]" + origin(binary.partial());
    }

    public static String of(FetchAttribute.BinarySize size) {
        return "BINARY.SIZE[" + part(size.part()) + "]";
    }

    static String spec(Section section) {
        String part = part(section.part());
        String text = switch (section.text()) {
            case NONE -> "";
            case HEADER -> "HEADER";
            case HEADER_FIELDS -> "HEADER.FIELDS (" + fields(section.fields()) + ")";
            case HEADER_FIELDS_NOT -> "HEADER.FIELDS.NOT (" + fields(section.fields()) + ")";
            case TEXT -> "TEXT";
            case MIME -> "MIME";
        };
        return part.isEmpty() || text.isEmpty() ? part + text : part + "." + text;
    }

    private static String part(List<Integer> part) {
        return part.stream().map(String::valueOf).collect(Collectors.joining("."));
    }

    private static String fields(List<String> fields) {
        return fields.stream().map(f -> f.toUpperCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }

    private static String origin(FetchAttribute.Partial partial) {
        return partial == null ? "" : "<" + partial.offset() + ">";
    }
}
