package org.loftmail.imap.impl.request;

import java.util.List;

/** {@code fetch-att} (RFC 3501 6.4.5, BINARY RFC 3516, MODSEQ RFC 7162). */
public sealed interface FetchAttribute {

    /** An attribute without arguments. */
    record Simple(Kind kind) implements FetchAttribute {
    }

    /**
     * {@code "BODY" [".PEEK"] section ["<" number "." nz-number ">"]}, and RFC822, RFC822.HEADER
     * and RFC822.TEXT, which answer under their own name ({@code legacyName} non-null).
     *
     * @param partial the partial range, or null
     */
    record Body(Section section, boolean peek, Partial partial, String legacyName) implements FetchAttribute {

        public Body(Section section, boolean peek, Partial partial) {
            this(section, peek, partial, null);
        }
    }

    /** {@code "BINARY" [".PEEK"] section-binary [partial]} (RFC 3516). */
    record Binary(List<Integer> part, boolean peek, Partial partial) implements FetchAttribute {
        public Binary {
            part = List.copyOf(part);
        }
    }

    /** {@code "BINARY.SIZE" section-binary} (RFC 3516). */
    record BinarySize(List<Integer> part) implements FetchAttribute {
        public BinarySize {
            part = List.copyOf(part);
        }
    }

    /** {@code "<" number "." nz-number ">"}. */
    record Partial(long offset, long count) {
    }

    /** Attributes without arguments. {@code BODY} is the non-extensible BODYSTRUCTURE. */
    enum Kind {
        FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODY, BODYSTRUCTURE, UID, MODSEQ
    }
}
