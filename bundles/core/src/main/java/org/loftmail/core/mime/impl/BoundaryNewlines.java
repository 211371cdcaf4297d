package org.loftmail.core.mime.impl;

/**
 * Dovecot's one size quirk that mime4j does not share. mime4j always gives the [CR]LF before a
 * boundary line to the boundary. Dovecot does too, except when the content that the boundary
 * cuts ends inside a header (no empty line yet), inside a multipart that was never closed, or
 * right on a closing {@code --boundary--} with no epilogue, or with an empty last body: then the [CR]LF stays in the
 * enclosing parts, so every message/rfc822 part around that point is 2 octets and 1 line
 * larger.
 */
final class BoundaryNewlines {
    private BoundaryNewlines() {
    }

    static void apply(MimePart node) {
        for (MimePart child : node.children) {
            apply(child);
        }
        if (node.rfc822 && !node.children.isEmpty() && endsOpen(node) && cutByBoundary(node)) {
            node.virtualSize += 2;
            node.lines++;
        }
    }

    /** Whether a message/rfc822 part's content ends where Dovecot keeps the [CR]LF. */
    private static boolean endsOpen(MimePart rfc822) {
        return rfc822.headerRunsToEnd || endsOpenBelow(rfc822.children.get(0), rfc822.endsWithNewline);
    }

    private static boolean endsOpenBelow(MimePart node, boolean regionEndsWithNewline) {
        MimePart n = node;
        while (true) {
            if (n.multipart) {
                if (n.closedAtEnd) {
                    return true;
                }
                if (n.closed) {
                    return false;
                }
                if (n.children.isEmpty()) {
                    return regionEndsWithNewline;  // its empty line went to the boundary
                }
                n = n.children.get(n.children.size() - 1);
            } else if (n.rfc822 && !n.children.isEmpty()) {
                return endsOpen(n);
            } else {
                // an empty last body: mime4j took its header's empty line for the boundary's
                return n.virtualSize == 0 && regionEndsWithNewline && n != node;
            }
        }
    }

    /** Whether the part's content was ended by a boundary line (rather than end of input). */
    private static boolean cutByBoundary(MimePart part) {
        MimePart parent = part.parent;
        if (parent == null) {
            return false;
        }
        if (parent.multipart) {
            boolean last = parent.children.get(parent.children.size() - 1) == part;
            return !last || parent.closed || cutByBoundary(parent);
        }
        return parent.rfc822 && cutByBoundary(parent);
    }
}
