package org.loftmail.imap.impl.encode;

import java.util.List;

/**
 * {@code resp-text-code} (RFC 3501 7.1, RFC 4315 UIDPLUS, RFC 7162 CONDSTORE/QRESYNC, RFC 5530
 * codes, RFC 7889 APPENDLIMIT, RFC 4469 TOOBIG, RFC 5182 NOTSAVED, RFC 6154 USEATTR, RFC 3516
 * UNKNOWN-CTE, RFC 4978 COMPRESSIONACTIVE). Written as {@code [name arguments]}.
 *
 * @param name      the code atom
 * @param arguments the formatted arguments, or null
 */
public record ResponseCode(String name, String arguments) {

    public static final ResponseCode ALERT = of("ALERT");
    public static final ResponseCode PARSE = of("PARSE");
    public static final ResponseCode READ_ONLY = of("READ-ONLY");
    public static final ResponseCode READ_WRITE = of("READ-WRITE");
    public static final ResponseCode TRYCREATE = of("TRYCREATE");
    public static final ResponseCode NOMODSEQ = of("NOMODSEQ");
    public static final ResponseCode CLOSED = of("CLOSED");
    public static final ResponseCode UIDNOTSTICKY = of("UIDNOTSTICKY");
    public static final ResponseCode TOOBIG = of("TOOBIG");
    public static final ResponseCode OVERQUOTA = of("OVERQUOTA");
    public static final ResponseCode UNAVAILABLE = of("UNAVAILABLE");
    public static final ResponseCode AUTHENTICATIONFAILED = of("AUTHENTICATIONFAILED");
    public static final ResponseCode AUTHORIZATIONFAILED = of("AUTHORIZATIONFAILED");
    public static final ResponseCode EXPIRED = of("EXPIRED");
    public static final ResponseCode PRIVACYREQUIRED = of("PRIVACYREQUIRED");
    public static final ResponseCode CONTACTADMIN = of("CONTACTADMIN");
    public static final ResponseCode NOPERM = of("NOPERM");
    public static final ResponseCode INUSE = of("INUSE");
    public static final ResponseCode EXPUNGEISSUED = of("EXPUNGEISSUED");
    public static final ResponseCode CORRUPTION = of("CORRUPTION");
    public static final ResponseCode SERVERBUG = of("SERVERBUG");
    public static final ResponseCode CLIENTBUG = of("CLIENTBUG");
    public static final ResponseCode CANNOT = of("CANNOT");
    public static final ResponseCode LIMIT = of("LIMIT");
    public static final ResponseCode NONEXISTENT = of("NONEXISTENT");
    public static final ResponseCode ALREADYEXISTS = of("ALREADYEXISTS");
    public static final ResponseCode HASCHILDREN = of("HASCHILDREN");
    public static final ResponseCode NOTSAVED = of("NOTSAVED");
    public static final ResponseCode USEATTR = of("USEATTR");
    public static final ResponseCode UNKNOWN_CTE = of("UNKNOWN-CTE");
    public static final ResponseCode COMPRESSIONACTIVE = of("COMPRESSIONACTIVE");

    /** A code without arguments. */
    public static ResponseCode of(String name) {
        return new ResponseCode(name, null);
    }

    public static ResponseCode capability(List<String> capabilities) {
        return new ResponseCode("CAPABILITY", String.join(" ", capabilities));
    }

    public static ResponseCode uidValidity(long uidValidity) {
        return new ResponseCode("UIDVALIDITY", Long.toString(uidValidity));
    }

    public static ResponseCode uidNext(long uidNext) {
        return new ResponseCode("UIDNEXT", Long.toString(uidNext));
    }

    public static ResponseCode unseen(long seq) {
        return new ResponseCode("UNSEEN", Long.toString(seq));
    }

    /** {@code PERMANENTFLAGS (flag-perm ...)}, {@code \*} included by the caller when it applies. */
    public static ResponseCode permanentFlags(List<String> flags) {
        return new ResponseCode("PERMANENTFLAGS", "(" + String.join(" ", flags) + ")");
    }

    public static ResponseCode badCharset(List<String> supported) {
        return supported.isEmpty() ? of("BADCHARSET")
                : new ResponseCode("BADCHARSET", "(" + String.join(" ", supported) + ")");
    }

    /** {@code APPENDUID uidvalidity append-uid} (RFC 4315 3); UIDs in append order. */
    public static ResponseCode appendUid(long uidValidity, long[] uids) {
        return new ResponseCode("APPENDUID", uidValidity + " " + SequenceSetFormat.inOrder(uids));
    }

    /** {@code COPYUID uidvalidity source-uids dest-uids} (RFC 4315 3); both in matching order. */
    public static ResponseCode copyUid(long uidValidity, long[] sourceUids, long[] destinationUids) {
        return new ResponseCode("COPYUID", uidValidity + " " + SequenceSetFormat.inOrder(sourceUids)
                + " " + SequenceSetFormat.inOrder(destinationUids));
    }

    public static ResponseCode highestModSeq(long modSeq) {
        return new ResponseCode("HIGHESTMODSEQ", Long.toString(modSeq));
    }

    /** {@code MODIFIED sequence-set} (RFC 7162 3.1.3): messages that failed UNCHANGEDSINCE. */
    public static ResponseCode modified(long[] numbers) {
        return new ResponseCode("MODIFIED", SequenceSetFormat.sorted(numbers));
    }

    /** {@code APPENDLIMIT n} (RFC 7889). */
    public static ResponseCode appendLimit(long limit) {
        return new ResponseCode("APPENDLIMIT", Long.toString(limit));
    }

    /** The wire form, brackets included. */
    @Override
    public String toString() {
        return "[" + name + (arguments == null ? "" : " " + arguments) + "]";
    }
}
