package org.loftmail.imap.impl.encode;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One {@code msg-att} of a FETCH response (RFC 3501 7.4.2, RFC 3516, RFC 7162). ENVELOPE and
 * BODYSTRUCTURE arrive already formatted (built once from the MIME structure and cached);
 * section contents stream from their source.
 */
public sealed interface FetchItem {

    record Flags(List<String> flags) implements FetchItem {
        public Flags {
            flags = List.copyOf(flags);
        }
    }

    record Uid(long uid) implements FetchItem {
    }

    record InternalDate(ZonedDateTime date) implements FetchItem {
    }

    record Rfc822Size(long size) implements FetchItem {
    }

    record ModSeq(long modSeq) implements FetchItem {
    }

    /** {@code ENVELOPE (...)}, the parenthesized list as given, one char per octet (ISO-8859-1). */
    record Envelope(String formatted) implements FetchItem {
    }

    /**
     * {@code BODY (...)} or {@code BODYSTRUCTURE (...)}, the list as given.
     *
     * @param extensible true for BODYSTRUCTURE
     */
    record Structure(boolean extensible, String formatted) implements FetchItem {
    }

    /**
     * A section's content: {@code BODY[section]<origin>}, {@code RFC822.*} or {@code BINARY[...]}
     * followed by a literal, or NIL when {@code content} is null.
     *
     * @param label the item name as it goes on the wire (see {@link SectionLabels})
     */
    record SectionData(String label, Content content) implements FetchItem {
    }

    /** {@code BINARY.SIZE[part] number}. */
    record BinarySize(String label, long size) implements FetchItem {
    }

    /** The bytes of a section, streamed: never read before the writer asks. */
    interface Content {

        long size();

        /** Whether the bytes must go as {@code ~{n}} (BINARY with NUL bytes). */
        boolean binary();

        InputStream open() throws IOException;
    }
}
