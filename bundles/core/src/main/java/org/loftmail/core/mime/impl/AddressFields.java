package org.loftmail.core.mime.impl;

import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/** Sort keys taken from address headers (RFC 5256 section 3, RFC 5957). */
public final class AddressFields {
    private AddressFields() {
    }

    /** The addr-mailbox (local part) of the first address or group name, or "" when none. */
    public static String firstMailbox(String header) {
        Address a = first(header);
        return a == null || a.mailbox() == null ? "" : a.mailbox();
    }

    /**
     * The decoded display name of the first address, or its addr-spec when it has no display
     * name (RFC 5957), or "" when there is no address. A group counts by its name.
     */
    public static String firstDisplay(String header) {
        Address a = first(header);
        if (a == null) {
            return "";
        }
        if (a.name() != null && !a.name().isBlank()) {
            return DecoderUtil.decodeEncodedWords(a.name(), DecodeMonitor.SILENT).strip();
        }
        String mailbox = a.mailbox() == null ? "" : a.mailbox();
        return a.domain() == null ? mailbox : mailbox + "@" + a.domain();
    }

    /** Like Dovecot, the very first entry counts, so a group start sorts by the group name. */
    private static Address first(String header) {
        List<Address> all = header == null ? null : AddressParser.parse(header);
        return all == null ? null : all.get(0);
    }
}
