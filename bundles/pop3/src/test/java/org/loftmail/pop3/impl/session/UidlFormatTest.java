package org.loftmail.pop3.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.UidSet;

/** {@code pop3_uidl_format} and Dovecot's {@code %} expansion. */
class UidlFormatTest {

    private final Pop3Tester pop3 = new Pop3Tester();

    @AfterEach
    void close() {
        pop3.close();
    }

    private static String expand(String format, String u, String v) {
        return VarExpand.expand(format, List.of(new VarExpand.Var('u', "uid", () -> u),
                new VarExpand.Var('v', "uidvalidity", () -> v)));
    }

    @Test
    void dovecotDefaultIsZeroPaddedLowerCaseHex() {
        assertEquals("0000001a499602d2", expand("%08Xu%08Xv", "26", "1234567890"));
        assertEquals("1a", expand("%Xu", "26", "1"));
    }

    @Test
    void modifiersOffsetsAndLongKeys() {
        assertEquals("26.1", expand("%{uid}.%{uidvalidity}", "26", "1"));
        assertEquals("%26", expand("%%%u", "26", "1"));
        assertEquals("1A", expand("%XUu", "26", "1"));
        assertEquals("0000001A", expand("%08XUu", "26", "1"));
        assertEquals("234", expand("%1.3u", "123456", "1"));
        assertEquals("56", expand("%-2.2u", "123456", "1"));
        assertEquals("123", expand("%3u", "123456", "1"));
        assertEquals("123456", expand("%03u", "123456", "1"));
        assertEquals(VarExpand.md5Hex("26".getBytes()), expand("%Mu", "26", "1"));
        assertEquals("x", expand("x%q", "26", "1"));
    }

    @Test
    void formatsWithoutAMessageKeyAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Pop3Settings.of(Map.of("pop3_uidl_format", "abc")));
        assertEquals("%g", Pop3Settings.of(Map.of("protocol.pop3.pop3_uidl_format", "%g", "pop3_uidl_format",
                "%u")).uidlFormat());
    }

    @Test
    void guidAndHeaderMd5() throws Exception {
        String msg = "Subject: x\r\n\r\nbody\r\n";
        pop3.deliver("ann", msg);
        MailboxView inbox = pop3.inbox("ann");
        String guid = inbox.messages(UidSet.all()).get(0).meta().guid();
        String md5;
        try (InputStream in = inbox.content(inbox.uid(1)).header()) {
            md5 = VarExpand.md5Hex(in.readAllBytes());
        }
        assertEquals(VarExpand.md5Hex("Subject: x\r\n\r\n".getBytes()), md5);
        pop3.settings(Pop3Settings.defaults().withUidlFormat("%g"));
        assertEquals("+OK 1 " + guid, pop3.connect().login("ann").ask("UIDL 1"));
        pop3.settings(Pop3Settings.defaults().withUidlFormat("%u-%m"));
        assertEquals("+OK 1 1-" + md5, pop3.connect().login("ann").ask("UIDL 1"));
    }
}
