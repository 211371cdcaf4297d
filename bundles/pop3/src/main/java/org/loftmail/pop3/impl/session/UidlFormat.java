package org.loftmail.pop3.impl.session;

import java.util.List;
import java.util.function.Supplier;
import org.loftmail.api.storage.MessageMeta;

/**
 * {@code pop3_uidl_format}: {@code %u} (or {@code %{uid}}) the UID, {@code %v}
 * ({@code %{uidvalidity}}) the mailbox UIDVALIDITY, {@code %m} ({@code %{md5}}) the MD5 of the
 * message header in hex, {@code %g} ({@code %{guid}}) the message GUID, {@code %f}
 * ({@code %{filename}}) the GUID as well: Loft's maildir driver uses the file's base name as the
 * GUID unless {@code dovecot-uidlist} records one, so for Dovecot-made maildirs {@code %f} is the
 * base name as in Dovecot.
 */
public final class UidlFormat {

    private UidlFormat() {
    }

    /** Whether the format names at least one message key (Dovecot refuses one that names none). */
    static boolean hasKey(String format) {
        return VarExpand.uses(format, 'u', "uid") || VarExpand.uses(format, 'v', "uidvalidity")
                || VarExpand.uses(format, 'm', "md5") || VarExpand.uses(format, 'f', "filename")
                || VarExpand.uses(format, 'g', "guid");
    }

    /** Whether the format needs the header MD5 (reading each message). */
    public static boolean needsHeader(String format) {
        return VarExpand.uses(format, 'm', "md5");
    }

    public static String uidl(String format, long uidValidity, MessageMeta meta, Supplier<String> headerMd5) {
        return VarExpand.expand(format, List.of(
                new VarExpand.Var('v', "uidvalidity", () -> Long.toString(uidValidity)),
                new VarExpand.Var('u', "uid", () -> Long.toString(meta.uid())),
                new VarExpand.Var('m', "md5", headerMd5),
                new VarExpand.Var('f', "filename", meta::guid),
                new VarExpand.Var('g', "guid", meta::guid)));
    }
}
