package org.loftmail.imap.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.quota.QuotaRoot;
import org.loftmail.api.storage.quota.QuotaService;

/** RFC 9208 GETQUOTAROOT / GETQUOTA as the quota plug-in's service answers them. */
class Rfc9208QuotaTest {

    /** One root, "User quota": 10 KiB of 1024 used, 2 of 100 messages. */
    private static final QuotaService QUOTA = new QuotaService() {
        private final List<QuotaRoot> roots = List.of(new QuotaRoot("User quota", List.of(
                new QuotaRoot.Resource("STORAGE", 10, 1024), new QuotaRoot.Resource("MESSAGE", 2, 100))));

        @Override
        public List<QuotaRoot> roots(String user) {
            return roots;
        }

        @Override
        public List<QuotaRoot> rootsOf(String user, String mailbox) {
            return roots;
        }

        @Override
        public List<QuotaRoot> recalculate(String user) {
            return roots;
        }
    };

    @Test
    void getQuotaRootNamesTheRootsAndTheirUsage() {
        try (ImapTester imap = new ImapTester(QUOTA)) {
            ImapTester.Client c = imap.connect();
            List<String> login = c.send("L LOGIN fred secret");
            assertTrue(login.get(0).contains(" QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE "), login.get(0));
            assertEquals(List.of("* QUOTAROOT INBOX \"User quota\"",
                    "* QUOTA \"User quota\" (STORAGE 10 1024 MESSAGE 2 100)", "a OK Getquotaroot completed."),
                    c.send("a GETQUOTAROOT INBOX"));
            assertEquals(List.of("* QUOTA \"User quota\" (STORAGE 10 1024 MESSAGE 2 100)", "b OK Getquota completed."),
                    c.send("b GETQUOTA \"User quota\""));
            assertEquals(List.of("c NO Quota root does not exist."), c.send("c GETQUOTA nosuch"));
            assertTrue(c.send("d GETQUOTAROOT nosuch").get(0).startsWith("d NO [NONEXISTENT]"));
        }
    }

    @Test
    void withoutTheQuotaPluginTheCommandsAreUnknownAndNotAdvertised() {
        try (ImapTester imap = new ImapTester()) {
            ImapTester.Client c = imap.connect();
            assertTrue(!c.send("L LOGIN fred secret").get(0).contains("QUOTA"));
            assertEquals(List.of("a BAD Unknown command GETQUOTAROOT"), c.send("a GETQUOTAROOT INBOX"));
        }
    }
}
