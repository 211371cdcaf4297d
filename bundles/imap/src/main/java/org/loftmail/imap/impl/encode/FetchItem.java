package org.loftmail.imap.impl.encode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One {@code msg-att} of a FETCH response (RFC 3501 7.4.2, RFC 3516, RFC 7162). ENVELOPE and
 * BODYSTRUCTURE arrive already formatted (built once from the MIME structure and cached);
 * section contents stream from their source.
 */
public sealed interface FetchItem {

    /** Writes the item: its name, then its value. */
    void writeTo(ResponseWriter w);

    record Flags(List<String> flags) implements FetchItem {
        public Flags {
            flags = List.copyOf(flags);
        }

        @Override
        public void writeTo(ResponseWriter w) {
            w.atom("FLAGS").open();
            for (String flag : flags) {
                w.atom(flag);
            }
            w.close();
        }
    }

    record Uid(long uid) implements FetchItem {
        @Override
        public void writeTo(ResponseWriter w) {
            w.atom("UID").number(uid);
        }
    }

    record InternalDate(ZonedDateTime date) implements FetchItem {
        @Override
        public void writeTo(ResponseWriter w) {
            w.atom("INTERNALDATE").atom(FetchEncoder.dateTime(date));
        }
    }

    record Rfc822Size(long size) implements FetchItem {
        @Override
        public void writeTo(ResponseWriter w) {
            w.atom("RFC822.SIZE").number(size);
        }
    }

    record ModSeq(long modSeq) implements FetchItem {
        @Override
        public void writeTo(ResponseWriter w) {
            w.atom("MODSEQ").open().number(modSeq).close();
        }
    }

    /** {@code ENVELOPE (...)}, the parenthesized list as given, one char per octet (ISO-8859-1). */
    record Envelope(String formatted) implements FetchItem {
        @Override
        public void writeTo(ResponseWriter w) {
            w.atom("ENVELOPE").octets(formatted);
        }
    }

    /**
     * {@code BODY (...)} or {@code BODYSTRUCTURE (...)}, the list as given.
     *
     * @param extensible true for BODYSTRUCTURE
     */
    record Structure(boolean extensible, String formatted) implements FetchItem {
        @Override
        public void writeTo(ResponseWriter w) {
            w.atom(extensible ? "BODYSTRUCTURE" : "BODY").octets(formatted);
        }
    }

    /**
     * A section's content: {@code BODY[section]<origin>}, {@code RFC822.*} or {@code BINARY[...]}
     * followed by a literal, or NIL when {@code content} is null.
     *
     * @param label the item name as it goes on the wire (see {@link SectionLabels})
     */
    record SectionData(String label, Content content) implements FetchItem {
        @Override
        public void writeTo(ResponseWriter w) {
            w.atom(label);
            if (content == null) {
                w.nil();
                return;
            }
            try (InputStream in = content.open()) {
                w.literal(in, content.size(), content.binary());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code BINARY.SIZE[part] number}. */
    record BinarySize(String label, long size) implements FetchItem {
        @Override
        public void writeTo(ResponseWriter w) {
            w.atom(label).number(size);
        }
    }

    /** The bytes of a section, streamed: never read before the writer asks. */
    interface Content {

        long size();

        /** Whether the bytes must go as {@code ~{n}} (BINARY with NUL bytes). */
        boolean binary();

        InputStream open() throws IOException;
    }
}
