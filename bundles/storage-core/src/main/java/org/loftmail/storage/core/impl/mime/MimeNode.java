package org.loftmail.storage.core.impl.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * One entity of a message's MIME tree, by octet offsets. {@code children} are the parts of a
 * multipart, or the one encapsulated message of a {@code message/rfc822}.
 */
final class MimeNode {

    final long headerStart;
    long bodyStart;
    long end;
    String contentType = "text/plain";
    String boundary;
    final List<MimeNode> children = new ArrayList<>();

    MimeNode(long headerStart) {
        this.headerStart = headerStart;
    }

    boolean isMultipart() {
        return contentType.startsWith("multipart/") && boundary != null;
    }

    boolean isMessage() {
        return contentType.equals("message/rfc822") || contentType.equals("message/global");
    }

    /** The parts IMAP numbers below this entity (RFC 3501 6.4.5); none below a leaf part. */
    List<MimeNode> imapParts() {
        if (isMultipart()) {
            return children;
        }
        if (isMessage() && !children.isEmpty()) {
            return children.get(0).messageParts();
        }
        return List.of();
    }

    /** The parts of this entity taken as a message: its body is part 1 unless it is multipart. */
    List<MimeNode> messageParts() {
        return isMultipart() ? children : List.of(this);
    }
}
