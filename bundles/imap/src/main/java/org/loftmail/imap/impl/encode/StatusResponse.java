package org.loftmail.imap.impl.encode;

/**
 * {@code response-cond-state / response-cond-bye / resp-cond-auth} (RFC 3501 7.1): a condition,
 * an optional response code and human text.
 *
 * @param tag  the command tag, or null for an untagged response
 * @param code the response code, or null
 */
public record StatusResponse(String tag, Condition condition, ResponseCode code, String text) {

    public static StatusResponse ok(String tag, String text) {
        return new StatusResponse(tag, Condition.OK, null, text);
    }

    public static StatusResponse ok(String tag, ResponseCode code, String text) {
        return new StatusResponse(tag, Condition.OK, code, text);
    }

    public static StatusResponse no(String tag, ResponseCode code, String text) {
        return new StatusResponse(tag, Condition.NO, code, text);
    }

    public static StatusResponse bad(String tag, String text) {
        return new StatusResponse(tag, Condition.BAD, null, text);
    }

    public static StatusResponse bye(String text) {
        return new StatusResponse(null, Condition.BYE, null, text);
    }

    /** The status conditions. */
    public enum Condition {
        OK, NO, BAD, BYE, PREAUTH
    }
}
