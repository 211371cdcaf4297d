package org.loftmail.core.mime.impl;

import java.util.List;

/** Writes BODY and BODYSTRUCTURE (RFC 3501 7.4.2) for a {@link MimePart} tree, as Dovecot does. */
final class BodyStructureWriter {
    private static final String EMPTY_BODY = "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0";

    private final boolean extended;

    BodyStructureWriter(boolean extended) {
        this.extended = extended;
    }

    void write(MimePart part, StringBuilder out) {
        if (part.multipart) {
            writeMultipart(part, out);
        } else {
            writeSingle(part, out);
        }
    }

    private void writeChildren(List<MimePart> children, StringBuilder out) {
        for (MimePart child : children) {
            out.append('(');
            write(child, out);
            out.append(')');
        }
    }

    private void writeMultipart(MimePart part, StringBuilder out) {
        ContentData d = part.content;
        if (part.children.isEmpty()) {
            out.append(EMPTY_BODY).append(extended ? " NIL NIL NIL NIL)" : ")");
        } else {
            writeChildren(part.children, out);
        }
        out.append(' ');
        ImapQuote.nstring(out, d.subtype == null ? "" : d.subtype);
        if (!extended) {
            return;
        }
        out.append(' ');
        writeParams(d.typeParams, out, false);
        writeCommon(d, out);
    }

    private void writeSingle(MimePart part, StringBuilder out) {
        ContentData d = part.content;
        boolean text;
        if (part.rfc822) {
            out.append("\"message\" \"rfc822\"");
            text = false;
        } else if (d.type == null) {
            text = true;
            out.append("\"text\" \"plain\"");
        } else {
            text = d.type.equalsIgnoreCase("text");
            ImapQuote.nstring(out, d.type);
            out.append(' ');
            ImapQuote.nstring(out, d.subtype == null ? "" : d.subtype);
        }
        out.append(' ');
        writeParams(d.typeParams, out, text);
        out.append(' ');
        ImapQuote.nstringNoLf(out, d.id);
        out.append(' ');
        ImapQuote.nstringNoLf(out, d.description);
        out.append(' ');
        if (d.transferEncoding != null) {
            ImapQuote.nstring(out, d.transferEncoding);
        } else {
            out.append("\"7bit\"");
        }
        out.append(' ').append(part.virtualSize);
        if (text) {
            out.append(' ').append(part.lines);
        } else if (part.rfc822 && !part.children.isEmpty()) {
            out.append(" (");
            part.children.get(0).envelope.write(out);
            out.append(") ");
            writeChildren(part.children, out);
            out.append(' ').append(part.lines);
        }
        if (!extended) {
            return;
        }
        out.append(' ');
        ImapQuote.nstringNoLf(out, d.md5);
        writeCommon(d, out);
    }

    private static void writeParams(List<MimeParams.Param> params, StringBuilder out, boolean defaultCharset) {
        if (!defaultCharset && params.isEmpty()) {
            out.append("NIL");
            return;
        }
        out.append('(');
        boolean seenCharset = false;
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            seenCharset |= params.get(i).name().equalsIgnoreCase("charset");
            ImapQuote.nstring(out, params.get(i).name());
            out.append(' ');
            ImapQuote.nstring(out, params.get(i).value());
        }
        if (defaultCharset && !seenCharset) {
            out.append(params.isEmpty() ? "" : " ").append("\"charset\" \"us-ascii\"");
        }
        out.append(')');
    }

    private static void writeCommon(ContentData d, StringBuilder out) {
        out.append(' ');
        if (d.disposition == null) {
            out.append("NIL");
        } else {
            out.append('(');
            ImapQuote.nstring(out, d.disposition);
            out.append(' ');
            writeParams(d.dispositionParams, out, false);
            out.append(')');
        }
        out.append(' ');
        if (d.language == null) {
            out.append("NIL");
        } else {
            out.append('(');
            for (int i = 0; i < d.language.size(); i++) {
                out.append(i > 0 ? " " : "");
                ImapQuote.nstring(out, d.language.get(i));
            }
            out.append(')');
        }
        out.append(' ');
        ImapQuote.nstringNoLf(out, d.location);
    }
}
