package org.loftmail.imap.impl.decode;

/**
 * A command that does not follow the grammar. The message is meant for the client, as in
 * {@code TAG BAD <message>}; when the tag could not be read the answer is untagged.
 */
public final class ParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String tag;

    public ParseException(String message) {
        this(null, message, null);
    }

    public ParseException(String tag, String message, Throwable cause) {
        super(message, cause);
        this.tag = tag;
    }

    /** The tag, or null when it could not be read. */
    public String tag() {
        return tag;
    }

    /** The same error, knowing the tag. */
    public ParseException withTag(String newTag) {
        return new ParseException(newTag, getMessage(), getCause());
    }

    /** The response line without CRLF: {@code TAG BAD message} or {@code * BAD message}. */
    public String responseLine() {
        return (tag == null ? "*" : tag) + " BAD " + getMessage();
    }
}
