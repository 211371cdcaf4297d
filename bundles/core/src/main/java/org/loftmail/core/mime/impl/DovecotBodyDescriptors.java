package org.loftmail.core.mime.impl;

import java.util.Locale;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptorBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;

/**
 * Tells mime4j where parts begin and end by Dovecot's rules rather than its own: the first
 * Content-Type counts, the first {@code boundary} parameter (RFC 2231 merged) is the boundary,
 * Content-Type or MIME-Version makes a part MIME, and parts of multipart/digest default to
 * message/rfc822.
 */
final class DovecotBodyDescriptors implements BodyDescriptorBuilder {
    private final boolean parentDigest;
    private final ContentData content = new ContentData();
    private boolean mime;
    private boolean seenContentType;

    DovecotBodyDescriptors(boolean parentDigest) {
        this.parentDigest = parentDigest;
    }

    @Override
    public void reset() {
        // a builder serves one entity: mime4j asks newChild() for every part
    }

    @Override
    public Field addField(RawField field) {
        String[] nv = MimeTreeParser.nameValue(field.getRaw());
        if (nv != null) {
            String name = nv[0].toLowerCase(Locale.ROOT);
            if (name.equals("mime-version")) {
                mime = true;
            } else if (name.equals("content-type") && !seenContentType) {
                mime = true;
                seenContentType = true;
                content.accept(nv[0], nv[1]);
            }
        }
        return field;
    }

    @Override
    public BodyDescriptor build() {
        String type = content.typeForFlags().toLowerCase(Locale.ROOT);
        String boundary = null;
        if (mime && type.startsWith("multipart/")) {
            for (MimeParams.Param p : content.typeParams) {
                if (p.name().equalsIgnoreCase("boundary")) {
                    boundary = p.value();
                    break;
                }
            }
        }
        String mimeType;
        if (boundary != null && !boundary.isEmpty()) {
            mimeType = type;
        } else if (mime && seenContentType && type.indexOf('/') > 0 && !type.startsWith("multipart/")) {
            mimeType = type;
        } else {
            mimeType = parentDigest ? "message/rfc822" : "text/plain";
            boundary = null;
        }
        return new Descriptor(mimeType, boundary == null || boundary.isEmpty() ? null : boundary);
    }

    @Override
    public BodyDescriptorBuilder newChild() {
        return new DovecotBodyDescriptors(content.typeForFlags().equalsIgnoreCase("multipart/digest") && mime);
    }

    private record Descriptor(String mimeType, String boundary) implements BodyDescriptor {
        @Override
        public String getBoundary() {
            return boundary;
        }

        @Override
        public String getMimeType() {
            return mimeType;
        }

        @Override
        public String getMediaType() {
            return mimeType.substring(0, mimeType.indexOf('/'));
        }

        @Override
        public String getSubType() {
            return mimeType.substring(mimeType.indexOf('/') + 1);
        }

        @Override
        public String getCharset() {
            return null;
        }

        @Override
        public String getTransferEncoding() {
            return "7bit";
        }

        @Override
        public long getContentLength() {
            return -1;
        }
    }
}
