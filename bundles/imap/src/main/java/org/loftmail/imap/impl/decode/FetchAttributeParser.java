package org.loftmail.imap.impl.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loftmail.imap.impl.request.FetchAttribute;
import org.loftmail.imap.impl.request.FetchAttribute.Body;
import org.loftmail.imap.impl.request.FetchAttribute.Kind;
import org.loftmail.imap.impl.request.FetchAttribute.Partial;
import org.loftmail.imap.impl.request.FetchAttribute.Simple;
import org.loftmail.imap.impl.request.Section;

/**
 * {@code fetch-att} (RFC 3501 9, BINARY RFC 3516 9, MODSEQ RFC 7162 7): simple attributes,
 * {@code BODY[.PEEK][section]<o.n>} with {@code section-spec} parts, HEADER.FIELDS[.NOT] (...),
 * n.MIME and n.TEXT, and {@code BINARY[.PEEK][part]<o.n>} / {@code BINARY.SIZE[part]}.
 */
final class FetchAttributeParser {

    private FetchAttributeParser() {
    }

    static FetchAttribute attribute(ImapReader r) throws ParseException {
        String name = r.token(c -> Character.isLetterOrDigit(c) || c == '.', "fetch attribute")
                .toUpperCase(Locale.ROOT);
        boolean bracket = r.peek() == '[';
        return switch (name) {
            case "FLAGS" -> new Simple(Kind.FLAGS);
            case "INTERNALDATE" -> new Simple(Kind.INTERNALDATE);
            case "RFC822.SIZE" -> new Simple(Kind.RFC822_SIZE);
            case "ENVELOPE" -> new Simple(Kind.ENVELOPE);
            case "BODYSTRUCTURE" -> new Simple(Kind.BODYSTRUCTURE);
            case "UID" -> new Simple(Kind.UID);
            case "MODSEQ" -> new Simple(Kind.MODSEQ);
            case "RFC822" -> new Body(Section.whole(), false, null, "RFC822");
            case "RFC822.HEADER" -> new Body(Section.of(Section.Text.HEADER), true, null, "RFC822.HEADER");
            case "RFC822.TEXT" -> new Body(Section.of(Section.Text.TEXT), false, null, "RFC822.TEXT");
            case "BODY" -> bracket ? new Body(section(r), false, partial(r)) : new Simple(Kind.BODY);
            case "BODY.PEEK" -> new Body(section(r), true, partial(r));
            case "BINARY" -> new FetchAttribute.Binary(binaryPart(r), false, partial(r));
            case "BINARY.PEEK" -> new FetchAttribute.Binary(binaryPart(r), true, partial(r));
            case "BINARY.SIZE" -> new FetchAttribute.BinarySize(binaryPart(r));
            default -> throw new ParseException("Unknown FETCH attribute " + name);
        };
    }

    /** {@code section = "[" [section-spec] "]"}. */
    static Section section(ImapReader r) throws ParseException {
        r.expect('[');
        if (r.accept(']')) {
            return Section.whole();
        }
        String spec = r.token(c -> Character.isLetterOrDigit(c) || c == '.', "section")
                .toUpperCase(Locale.ROOT);
        if (spec.startsWith(".") || spec.endsWith(".") || spec.contains("..")) {
            throw new ParseException("Invalid section " + spec);
        }
        List<Integer> part = new ArrayList<>();
        String[] items = spec.split("\\.", -1);
        int i = 0;
        while (i < items.length && !items[i].isEmpty() && Character.isDigit(items[i].charAt(0))) {
            part.add(partNumber(items[i++]));
        }
        String rest = String.join(".", java.util.Arrays.asList(items).subList(i, items.length));
        Section.Text text = switch (rest) {
            case "" -> Section.Text.NONE;
            case "HEADER" -> Section.Text.HEADER;
            case "HEADER.FIELDS" -> Section.Text.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> Section.Text.HEADER_FIELDS_NOT;
            case "TEXT" -> Section.Text.TEXT;
            case "MIME" -> Section.Text.MIME;
            default -> throw new ParseException("Invalid section " + spec);
        };
        if (text == Section.Text.NONE && part.isEmpty() || text == Section.Text.MIME && part.isEmpty()) {
            throw new ParseException("Invalid section " + spec);
        }
        List<String> fields = new ArrayList<>();
        if (text == Section.Text.HEADER_FIELDS || text == Section.Text.HEADER_FIELDS_NOT) {
            r.sp();
            r.expect('(');
            do {
                fields.add(r.astring().toUpperCase(Locale.ROOT));
            } while (r.accept(' '));
            r.expect(')');
        }
        r.expect(']');
        return new Section(part, text, fields);
    }

    /** {@code section-binary = "[" [section-part] "]"}. */
    private static List<Integer> binaryPart(ImapReader r) throws ParseException {
        r.expect('[');
        List<Integer> part = new ArrayList<>();
        if (!r.accept(']')) {
            do {
                part.add(partNumber(Long.toString(r.nzNumber())));
            } while (r.accept('.'));
            r.expect(']');
        }
        return part;
    }

    /** {@code ["<" number "." nz-number ">"]}, or null. */
    private static Partial partial(ImapReader r) throws ParseException {
        if (!r.accept('<')) {
            return null;
        }
        long offset = r.number();
        r.expect('.');
        long count = r.nzNumber();
        r.expect('>');
        return new Partial(offset, count);
    }

    private static int partNumber(String s) throws ParseException {
        if (s.length() > 9 || !s.chars().allMatch(Character::isDigit) || Integer.parseInt(s) == 0) {
            throw new ParseException("Invalid section part number " + s);
        }
        return Integer.parseInt(s);
    }
}
