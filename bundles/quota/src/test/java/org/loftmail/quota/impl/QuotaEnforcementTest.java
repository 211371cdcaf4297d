package org.loftmail.quota.impl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.quota.impl.QuotaFixture.append;
import static org.loftmail.quota.impl.QuotaFixture.settings;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.quota.QuotaRequest;
import org.loftmail.api.storage.quota.QuotaRoot;
import org.loftmail.api.storage.quota.QuotaRoot.Resource;

/** The count backend over the storage core: refusing, grace, rules, userdb, events, the service. */
class QuotaEnforcementTest {

    private QuotaFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private QuotaFixture fixture(String... kv) {
        fx = new QuotaFixture(settings(kv));
        return fx;
    }

    private static void assertOverQuota(StorageException e) {
        assertEquals(StorageError.OVER_QUOTA, e.error());
        assertEquals("Quota exceeded (mailbox for user is full)", e.getMessage());
    }

    @Test
    void messageLimitRefusesAppend() throws Exception {
        fixture("plugin.quota", "count:User quota", "plugin.quota_vsizes", "yes", "plugin.quota_rule", "*:messages=3");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 100, 100, 100);
        assertOverQuota(assertThrows(StorageException.class, () -> append(mb, "INBOX", 100)));
        assertEquals(3, mb.status("INBOX").messages());
    }

    @Test
    void storageLimitWithGrace() throws Exception {
        // 10 KiB, default grace 10% = 1024 bytes
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:storage=10k");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 9000);
        append(mb, "INBOX", 2000); // 11000: over 10240 but within 10240 + 1024, allowed once
        assertOverQuota(assertThrows(StorageException.class, () -> append(mb, "INBOX", 100)));
        assertEquals(2, mb.status("INBOX").messages());
    }

    @Test
    void graceDoesNotStretchBeyondItself() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:storage=10k");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 9000);
        assertOverQuota(assertThrows(StorageException.class, () -> append(mb, "INBOX", 2500)));
        append(mb, "INBOX", 1240); // exactly at the limit
        assertOverQuota(assertThrows(StorageException.class, () -> append(mb, "INBOX", 20)));
    }

    @Test
    void noGrace() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:storage=10k", "plugin.quota_grace", "0");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 9000);
        assertOverQuota(assertThrows(StorageException.class, () -> append(mb, "INBOX", 2000)));
    }

    @Test
    void graceAsASize() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:storage=10k", "plugin.quota_grace", "5k");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 9000);
        append(mb, "INBOX", 6000);
        assertOverQuota(assertThrows(StorageException.class, () -> append(mb, "INBOX", 10)));
    }

    @Test
    void copyIsRefusedOverQuotaWhileAMoveInsideTheRootIsNot() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:storage=10k", "plugin.quota_grace", "0");
        UserMailboxes mb = fx.open("bob");
        mb.create("Archive");
        mb.create("Trash");
        append(mb, "INBOX", 6000);
        try (MailboxView v = mb.open("INBOX", false)) {
            assertOverQuota(assertThrows(StorageException.class, () -> v.copy(UidSet.all(), "Archive")));
            // as in Dovecot: the usage does not grow, so a user at the limit can still move mail to Trash
            v.move(UidSet.all(), "Trash");
        }
        assertEquals(0, mb.status("Archive").messages());
        assertEquals(1, mb.status("Trash").messages());
        assertEquals(6, storage(fx.service.roots("bob")).usage());
    }

    @Test
    void trashIgnored() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:storage=10k", "plugin.quota_rule2", "Trash:ignore",
                "plugin.quota_grace", "0");
        UserMailboxes mb = fx.open("bob");
        mb.create("Trash");
        append(mb, "Trash", 50000); // never refused
        append(mb, "INBOX", 9000); // Trash does not count
        assertEquals(9, storage(fx.service.roots("bob")).usage());
        assertEquals(List.of(), fx.service.rootsOf("bob", "Trash"));
        // moving out of Trash adds to the counted usage and is checked
        try (MailboxView v = mb.open("Trash", false)) {
            assertOverQuota(assertThrows(StorageException.class, () -> v.move(UidSet.all(), "INBOX")));
        }
    }

    @Test
    void trashGetsMore() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:storage=10k", "plugin.quota_rule2",
                "Trash:storage=+10k", "plugin.quota_grace", "0");
        UserMailboxes mb = fx.open("bob");
        mb.create("Trash");
        append(mb, "INBOX", 9000);
        assertOverQuota(assertThrows(StorageException.class, () -> append(mb, "INBOX", 5000)));
        append(mb, "Trash", 5000); // Trash may go up to 20 KiB of total usage
        assertOverQuota(assertThrows(StorageException.class, () -> append(mb, "Trash", 7000)));
        assertEquals(new Resource("STORAGE", 14, 20), storage(fx.service.rootsOf("bob", "Trash")));
        assertEquals(new Resource("STORAGE", 14, 10), storage(fx.service.rootsOf("bob", "INBOX")));
    }

    @Test
    void userdbRuleOverridesTheConfiguration() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:storage=10k", "plugin.quota_grace", "0");
        fx.userdb.put("alice", Map.of("quota_rule", "*:storage=100k"));
        fx.userdb.put("carol", Map.of("quota_rule", "*:storage=0")); // unlimited
        fx.userdb.put("bob", Map.of("home", "/nonexistent"));
        append(fx.open("alice"), "INBOX", 50000);
        append(fx.open("carol"), "INBOX", 500000);
        assertOverQuota(assertThrows(StorageException.class, () -> append(fx.open("bob"), "INBOX", 50000)));
        assertEquals(100, storage(fx.service.roots("alice")).limit());
        assertEquals(List.of(), fx.service.roots("carol"));
        assertEquals(10, storage(fx.service.roots("bob")).limit());
    }

    @Test
    void maxMailSize() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_max_mail_size", "1k");
        UserMailboxes mb = fx.open("bob");
        StorageException e = assertThrows(StorageException.class, () -> append(mb, "INBOX", 2000));
        assertEquals(StorageError.TOO_BIG, e.error());
        append(mb, "INBOX", 1024);
        // three messages of 3200 octets: one must be larger than 1024
        assertEquals(StorageError.TOO_BIG,
                assertThrows(StorageException.class, () -> append(mb, "INBOX", 100, 100, 3000)).error());
    }

    @Test
    void eventsKeepTheUsage() throws Exception {
        fixture("plugin.quota", "count:User quota", "plugin.quota_rule", "*:storage=1M:messages=100");
        UserMailboxes mb = fx.open("bob");
        mb.create("Archive");
        mb.create("Old");
        append(mb, "INBOX", 2048, 2048, 4096);
        assertEquals(List.of(new QuotaRoot("User quota",
                List.of(new Resource("STORAGE", 8, 1024), new Resource("MESSAGE", 3, 100)))), fx.service.roots("bob"));
        try (MailboxView v = mb.open("INBOX", false)) {
            v.copy(UidSet.of(v.uid(1)), "Archive"); // +2048
            v.move(UidSet.of(v.uid(2)), "Old"); // no change
            v.store(UidSet.of(v.uid(3)), org.loftmail.api.storage.FlagChange.add(
                    org.loftmail.api.storage.Flags.of(org.loftmail.api.storage.Flag.DELETED)));
            v.expunge(UidSet.of(v.uid(3))); // -4096
        }
        assertEquals(new Usage(3, 6144), usage("bob"));
        mb.delete("Old");
        assertEquals(new Usage(2, 4096), usage("bob"));
        mb.rename("Archive", "Archive2");
        assertEquals(new Usage(2, 4096), usage("bob"));
        assertEquals(List.of(new QuotaRoot("User quota",
                List.of(new Resource("STORAGE", 4, 1024), new Resource("MESSAGE", 2, 100)))),
                fx.service.recalculate("bob"));
    }

    @Test
    void usersAreSeparate() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:messages=1");
        append(fx.open("a"), "INBOX", 10);
        append(fx.open("b"), "INBOX", 10);
        assertOverQuota(assertThrows(StorageException.class, () -> append(fx.open("a"), "INBOX", 10)));
    }

    @Test
    void noQuotaConfigured() throws Exception {
        fixture("plugin.quota_rule", "*:storage=1k");
        append(fx.open("bob"), "INBOX", 5000);
        assertEquals(List.of(), fx.service.roots("bob"));
    }

    @Test
    void noEnforcingAndHidden() throws Exception {
        fixture("plugin.quota", "count:User quota:noenforcing", "plugin.quota_rule", "*:messages=1");
        append(fx.open("bob"), "INBOX", 10, 10);
        assertEquals(new Resource("MESSAGE", 2, 1), fx.service.roots("bob").get(0).resources().get(0));
        fx.close();
        fixture("plugin.quota", "count:User quota:hidden", "plugin.quota_rule", "*:messages=1");
        append(fx.open("bob"), "INBOX", 10);
        assertEquals(List.of(), fx.service.roots("bob"));
        assertThrows(StorageException.class, () -> append(fx.open("bob"), "INBOX", 10));
    }

    @Test
    void temporaryUserdbFailure() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:messages=1");
        fx.userdb.put("bob", Map.of("temporary", "yes"));
        StorageException e = assertThrows(StorageException.class, () -> append(fx.open("bob"), "INBOX", 10));
        assertEquals(StorageError.TEMPORARY, e.error());
    }

    @Test
    void withoutTheServiceEverythingIsAllowed() {
        QuotaAccounting alone = new QuotaAccounting(settings("plugin.quota", "count", "plugin.quota_rule",
                "*:messages=1"), Runnable::run, java.time.Clock.systemUTC());
        assertDoesNotThrow(() -> alone.beforeAdd(new QuotaRequest("bob", "INBOX", 5, 5000)));
        assertThrows(StorageException.class, alone::requireBacking);
    }

    @Test
    void reconfigurationApplies() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:messages=1");
        UserMailboxes mb = fx.open("bob");
        append(mb, "INBOX", 10);
        fx.accounting.configure(settings("plugin.quota", "count", "plugin.quota_rule", "*:messages=5"));
        append(mb, "INBOX", 10);
        assertEquals(new Resource("MESSAGE", 2, 5), fx.service.roots("bob").get(0).resources().get(0));
    }

    private Usage usage(String user) throws StorageException {
        List<QuotaRoot> roots = fx.service.roots(user);
        long count = 0;
        long kib = 0;
        for (Resource r : roots.get(0).resources()) {
            if (r.name().equals("MESSAGE")) {
                count = r.usage();
            } else {
                kib = r.usage();
            }
        }
        return new Usage(count, kib * 1024);
    }

    private static Resource storage(List<QuotaRoot> roots) {
        assertEquals(1, roots.size());
        return roots.get(0).resources().stream().filter(r -> r.name().equals("STORAGE")).findFirst().orElseThrow();
    }

    @Test
    void everyListedResourceHasALimit() throws Exception {
        fixture("plugin.quota", "count", "plugin.quota_rule", "*:storage=1M");
        append(fx.open("bob"), "INBOX", 10);
        List<QuotaRoot> roots = fx.service.roots("bob");
        assertEquals(1, roots.get(0).resources().size());
        assertTrue(roots.get(0).resources().stream().allMatch(r -> r.limit() > 0));
    }
}
