package org.loftmail.core.mime.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One node of a parsed message: its Content-* data, its kind as Dovecot's message parser
 * decides it (text, multipart, message/rfc822), its body size and line count, its children.
 */
final class MimePart {
    final MimePart parent;
    final List<MimePart> children = new ArrayList<>();
    ContentData content = new ContentData();
    /** Envelope of this part's own header; kept for a message root (top or inside message/rfc822). */
    final EnvelopeData envelope = new EnvelopeData();
    boolean mime;
    boolean seenContentType;
    boolean multipart;
    boolean digest;
    boolean rfc822;
    boolean text;
    /** For message/rfc822: the enclosed message has no empty line ending its header. */
    boolean headerRunsToEnd;
    /** For message/rfc822: the content as mime4j gives it ends with LF. */
    boolean endsWithNewline;
    /** For multipart: a closing delimiter was found; closedAtEnd: it ends the parsed region. */
    boolean closed;
    boolean closedAtEnd;
    long virtualSize;
    long lines;

    MimePart(MimePart parent) {
        this.parent = parent;
        // parts inside a multipart are MIME parts whether or not they repeat MIME-Version
        this.mime = parent != null && parent.multipart;
    }

    void acceptField(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("mime-version")) {
            mime = true;
        } else if (lower.equals("content-type")) {
            mime = true;
            if (!seenContentType) {
                seenContentType = true;
                content.accept(name, value);
                decideKind(content.typeForFlags().toLowerCase(Locale.ROOT));
                return;
            }
        }
        if (lower.startsWith("content-")) {
            content.accept(name, value);
        }
        envelope.accept(name, value);
    }

    private void decideKind(String type) {
        if (type.equals("message/rfc822")) {
            rfc822 = true;
        } else if (type.equals("text") || type.startsWith("text/")) {
            text = true;
        } else if (type.startsWith("multipart/")) {
            multipart = true;
            digest = type.equals("multipart/digest");
        }
    }

    /** Applies Dovecot's end-of-header rules: non-MIME parts forget Content-*, defaults apply. */
    void endHeader() {
        if (!mime) {
            multipart = false;
            digest = false;
            rfc822 = false;
            text = false;
            content = new ContentData();
        }
        if (!seenContentType || !mime) {
            if (parent != null && parent.digest) {
                rfc822 = true;
            } else {
                text = true;
            }
        }
    }

    /** The boundary parameter of the first Content-Type, or null. */
    String boundary() {
        for (MimeParams.Param p : content.typeParams) {
            if (p.name().equalsIgnoreCase("boundary")) {
                return p.value();
            }
        }
        return null;
    }

    void setBody(byte[] body) {
        long lf = 0;
        long bareLf = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n') {
                lf++;
                if (i == 0 || body[i - 1] != '\r') {
                    bareLf++;
                }
            }
        }
        lines = lf;
        virtualSize = body.length + bareLf;
    }
}
