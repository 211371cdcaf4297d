package org.loftmail.imap.impl.session;

import org.loftmail.api.storage.StorageException;
import org.loftmail.imap.impl.encode.ResponseCode;
import org.loftmail.imap.impl.encode.StatusResponse;

/** The one mapping of storage errors to IMAP results (RFC 5530 response codes, Dovecot's texts). */
public final class StorageErrors {

    private StorageErrors() {
    }

    public static StatusResponse response(String tag, StorageException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        return switch (e.error()) {
            case NOT_FOUND -> StatusResponse.no(tag, ResponseCode.NONEXISTENT, text(msg, "Mailbox doesn't exist."));
            case EXISTS -> StatusResponse.no(tag, ResponseCode.ALREADYEXISTS, text(msg, "Mailbox already exists."));
            case OVER_QUOTA -> StatusResponse.no(tag, ResponseCode.OVERQUOTA, text(msg, "Quota exceeded."));
            case IN_USE -> StatusResponse.no(tag, ResponseCode.INUSE, text(msg, "Mailbox is in use."));
            case TOO_BIG -> StatusResponse.no(tag, ResponseCode.TOOBIG, text(msg, "Message too large."));
            case TEMPORARY -> StatusResponse.no(tag, ResponseCode.UNAVAILABLE,
                    text(msg, "Temporary failure, try again later."));
            case NO_PERMISSION -> StatusResponse.no(tag, ResponseCode.NOPERM, text(msg, "Permission denied."));
            case INVALID_NAME, NOT_POSSIBLE, NOT_SELECTABLE -> StatusResponse.no(tag, ResponseCode.CANNOT,
                    text(msg, "Operation not possible."));
            case HAS_CHILDREN -> StatusResponse.no(tag, ResponseCode.HASCHILDREN, text(msg, "Mailbox has children."));
            case EXPUNGED -> StatusResponse.no(tag, ResponseCode.EXPUNGEISSUED,
                    text(msg, "Some of the requested messages no longer exist."));
            case READ_ONLY -> StatusResponse.no(tag, null, text(msg, "Mailbox is read-only."));
            case INTERNAL -> StatusResponse.no(tag, ResponseCode.SERVERBUG,
                    "Internal error occurred. Refer to server log for more information.");
        };
    }

    private static String text(String msg, String dflt) {
        return msg.isBlank() ? dflt : msg;
    }
}
