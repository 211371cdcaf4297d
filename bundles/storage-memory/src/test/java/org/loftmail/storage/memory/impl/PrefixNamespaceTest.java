package org.loftmail.storage.memory.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.storage.core.contract.DriverContract.fails;
import static org.loftmail.storage.core.contract.DriverContract.fill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.MailboxAttribute;
import org.loftmail.api.storage.MailboxInfo;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.Namespace;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.event.MailboxCreated;
import org.loftmail.api.storage.event.MailboxDeleted;
import org.loftmail.api.storage.event.MailboxEvent;
import org.loftmail.api.storage.event.MailboxRenamed;
import org.loftmail.api.storage.event.MessagesAppended;
import org.loftmail.api.storage.event.MessagesMoved;
import org.loftmail.storage.core.impl.CoreHarness;

/**
 * The Courier-compatible personal namespace {@code namespace inbox { inbox = yes prefix = INBOX.
 * separator = . }}: names carry the prefix at the storage API, drivers and the subscriptions
 * file keep them without it (as Dovecot does).
 */
class PrefixNamespaceTest {

    private final MemoryDriver driver = new MemoryDriver();

    private static Map<String, Object> settings(String... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mail_location", "memory:");
        m.put("namespace.0.name", "inbox");
        m.put("namespace.0.inbox", "yes");
        m.put("namespace.0.prefix", "INBOX.");
        m.put("namespace.0.separator", ".");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<String> names(List<MailboxInfo> infos) {
        return infos.stream().map(MailboxInfo::name).toList();
    }

    private static MailboxInfo info(UserMailboxes mb, String reference, String pattern) throws StorageException {
        List<MailboxInfo> found = mb.list(reference, pattern, false);
        assertEquals(1, found.size(), pattern + ": " + found);
        return found.get(0);
    }

    private static String describe(MailboxEvent e) {
        return switch (e) {
            case MessagesAppended a -> "appended " + a.mailbox();
            case MailboxCreated c -> "created " + c.mailbox();
            case MailboxDeleted d -> "deleted " + d.mailbox();
            case MailboxRenamed r -> "renamed " + r.mailbox() + " -> " + r.newName();
            case MessagesMoved m -> "moved " + m.mailbox() + " -> " + m.target();
            default -> e.getClass().getSimpleName() + " " + e.mailbox();
        };
    }

    @Test
    void namesCarryThePrefixWhileTheDriverKeepsThemWithout() throws Exception {
        try (CoreHarness h = new CoreHarness("memory", driver, settings())) {
            UserMailboxes mb = h.open("alice");
            assertEquals(List.of(new Namespace("INBOX.", '.', Namespace.Type.PERSONAL, true, true, true)),
                    mb.namespaces());
            assertEquals(List.of(), h.reported());

            mb.create("INBOX.Sent");
            mb.create("inbox.Work.Projects.");
            assertEquals(new TreeSet<>(List.of("INBOX", "Sent", "Work", "Work/Projects")),
                    new TreeSet<>(driver.open("alice", "").mailboxes()), "drivers see names without the prefix");

            assertEquals(List.of("INBOX", "INBOX.Sent", "INBOX.Work", "INBOX.Work.Projects"),
                    names(mb.list("", "*", false)));
            assertEquals(List.of("INBOX"), names(mb.list("", "%", false)));
            assertTrue(info(mb, "", "%").has(MailboxAttribute.HAS_CHILDREN), "INBOX is the prefix's root");
            assertFalse(info(mb, "", "%").has(MailboxAttribute.NOSELECT));
            assertEquals(List.of("INBOX.Sent", "INBOX.Work"), names(mb.list("INBOX.", "%", false)));
            assertEquals(List.of("INBOX.Sent", "INBOX.Work"), names(mb.list("", "inbox.%", false)));
            assertEquals(List.of("INBOX.Work.Projects"), names(mb.list("INBOX.Work.", "*", false)));
            assertEquals(List.of("INBOX.Sent"), names(mb.list("", "INBOX.S*", false)));
            assertEquals(List.of(), names(mb.list("", "Sent", false)), "names outside the prefix match nothing");
            assertTrue(info(mb, "", "INBOX.Work").has(MailboxAttribute.HAS_CHILDREN));
            assertTrue(info(mb, "", "INBOX.Sent").has(MailboxAttribute.HAS_NO_CHILDREN));

            h.clearEvents();
            List<Long> uids = fill(mb, "INBOX.Work.Projects", 2);
            fill(mb, "inbox", 1);
            assertEquals(2, mb.status("INBOX.Work.Projects").messages());
            assertEquals(1, mb.status("INBOX").messages());
            try (MailboxView view = mb.open("Inbox.Work.Projects", false)) {
                assertEquals("INBOX.Work.Projects", view.name());
                view.copy(UidSet.of(uids), "INBOX.Sent");
                view.move(UidSet.of(uids.subList(0, 1)), "INBOX");
                fails(StorageError.NOT_FOUND, () -> view.copy(UidSet.of(uids), "Sent"));
            }
            mb.rename("INBOX.Work", "INBOX.Old");
            mb.delete("INBOX.Old.Projects");
            mb.rename("INBOX", "INBOX.Archive");
            assertEquals(0, mb.status("INBOX").messages());
            assertEquals(2, mb.status("INBOX.Archive").messages());
            assertEquals(List.of("appended INBOX.Work.Projects", "appended INBOX", "appended INBOX.Sent",
                    "moved INBOX.Work.Projects -> INBOX", "renamed INBOX.Work -> INBOX.Old",
                    "renamed INBOX.Work.Projects -> INBOX.Old.Projects", "deleted INBOX.Old.Projects",
                    "created INBOX.Archive", "moved INBOX -> INBOX.Archive"),
                    h.events().stream().map(PrefixNamespaceTest::describe).toList());

            fails(StorageError.EXISTS, () -> mb.create("INBOX.Sent"));
            fails(StorageError.EXISTS, () -> mb.create("INBOX."));
            fails(StorageError.EXISTS, () -> mb.create("INBOX.INBOX"));
            assertEquals(mb.status("INBOX").messages(), mb.status("INBOX.INBOX").messages(),
                    "as in Dovecot, INBOX.INBOX is INBOX");
            mb.create("INBOX.Old.Projects");
            fails(StorageError.HAS_CHILDREN, () -> mb.delete("INBOX.Old"));
        }
    }

    @Test
    void aNameOutsideTheNamespaceIsRefused() throws Exception {
        try (CoreHarness h = new CoreHarness("memory", driver, settings())) {
            UserMailboxes mb = h.open("alice");
            mb.create("INBOX.Sent");
            for (String outside : new String[] {"Sent", "INBOX.", "Trash", "Sent.INBOX"}) {
                StorageException e = fails(StorageError.NOT_FOUND, () -> mb.status(outside));
                assertEquals("Mailbox doesn't exist: " + outside, e.getMessage());
                fails(StorageError.NOT_FOUND, () -> mb.open(outside, true));
                fails(StorageError.NOT_FOUND, () -> mb.delete(outside));
                fails(StorageError.NOT_FOUND, () -> fill(mb, outside, 1));
                fails(StorageError.NOT_FOUND, () -> mb.rename(outside, "INBOX.Elsewhere"));
                e = fails(StorageError.INVALID_NAME, () -> mb.rename("INBOX.Sent", outside));
                assertTrue(e.getMessage().contains("prefix INBOX."), e.getMessage());
                fails(StorageError.INVALID_NAME, () -> mb.subscribe(outside, true));
            }
            StorageException e = fails(StorageError.INVALID_NAME, () -> mb.create("Trash"));
            assertEquals("Invalid mailbox name 'Trash': it is outside the personal namespace; mailbox names start"
                    + " with the prefix INBOX. (or are INBOX)", e.getMessage());
            fails(StorageError.INVALID_NAME, () -> mb.create("INBOX.a..b"));
            fails(StorageError.INVALID_NAME, () -> mb.create("INBOX.a/b"));
            fails(StorageError.NOT_FOUND, () -> mb.status("INBOX.Trash"));
            assertEquals(Set.of("INBOX", "Sent"), new TreeSet<>(driver.open("alice", "").mailboxes()));
        }
    }

    @Test
    void subscriptionsAreStoredWithoutThePrefix() throws Exception {
        try (CoreHarness h = new CoreHarness("memory", driver, settings())) {
            UserMailboxes mb = h.open("alice");
            mb.create("INBOX.Sent");
            mb.create("INBOX.Work.Projects");
            mb.subscribe("INBOX.Sent", true);
            mb.subscribe("inbox.Work.Projects", true);
            mb.subscribe("INBOX", true);
            mb.subscribe("INBOX.Gone", true);
            assertEquals(Set.of("INBOX", "Sent", "Work/Projects", "Gone"), driver.open("alice", "").subscriptions(),
                    "stored as Dovecot's subscriptions file has them: without the namespace prefix");
            assertEquals(List.of("INBOX", "INBOX.Gone", "INBOX.Sent", "INBOX.Work.Projects"),
                    names(mb.list("", "*", true)));
            MailboxInfo gone = mb.list("", "INBOX.Gone", true).get(0);
            assertTrue(gone.has(MailboxAttribute.NONEXISTENT));
            assertEquals(List.of("INBOX.Gone", "INBOX.Sent", "INBOX.Work"), names(mb.list("INBOX.", "%", true)));
            assertTrue(mb.list("INBOX.", "%", true).get(2).has(MailboxAttribute.NOSELECT),
                    "LSUB shows the unsubscribed parent of a hidden subscribed child");
            assertTrue(info(mb, "", "INBOX.Sent").has(MailboxAttribute.SUBSCRIBED));

            mb.subscribe("INBOX", false);
            assertEquals(List.of("INBOX"), names(mb.list("", "%", true)));
            assertTrue(mb.list("", "%", true).get(0).has(MailboxAttribute.NOSELECT),
                    "INBOX is the unsubscribed parent of the subscribed INBOX.Sent");
            mb.subscribe("INBOX.Sent", false);
            mb.subscribe("INBOX.Gone", false);
            assertEquals(Set.of("Work/Projects"), driver.open("alice", "").subscriptions());
        }
    }

    @Test
    void autoAndSpecialUseMailboxesAreWrittenWithoutThePrefix() throws Exception {
        Map<String, Object> s = settings(
                "namespace.0.mailbox.0.name", "Drafts", "namespace.0.mailbox.0.auto", "subscribe",
                "namespace.0.mailbox.0.special_use", "\\Drafts",
                "namespace.0.mailbox.1.name", "Sent", "namespace.0.mailbox.1.auto", "create",
                "namespace.0.mailbox.1.special_use", "\\Sent",
                "namespace.0.mailbox.2.name", "Archive.2026", "namespace.0.mailbox.2.auto", "create",
                "namespace.0.mailbox.3.name", "Trash", "namespace.0.mailbox.3.special_use", "\\Trash");
        try (CoreHarness h = new CoreHarness("memory", driver, s)) {
            UserMailboxes mb = h.open("alice");
            assertEquals(List.of("INBOX", "INBOX.Archive", "INBOX.Archive.2026", "INBOX.Drafts", "INBOX.Sent"),
                    names(mb.list("", "*", false)));
            assertEquals(List.of("INBOX.Drafts"), names(mb.list("", "*", true)));
            assertEquals(Set.of("Drafts"), driver.open("alice", "").subscriptions());
            assertEquals(List.of("created INBOX.Drafts", "created INBOX.Sent", "created INBOX.Archive",
                    "created INBOX.Archive.2026"), h.events().stream().map(PrefixNamespaceTest::describe).toList());
            assertTrue(info(mb, "", "INBOX.Sent").has(MailboxAttribute.SENT));
            assertTrue(info(mb, "", "INBOX.Drafts").has(MailboxAttribute.DRAFTS));
            mb.create("INBOX.Trash");
            assertTrue(info(mb, "", "INBOX.Trash").has(MailboxAttribute.TRASH));
            assertEquals(List.of(), h.reported());
        }
    }

    @Test
    void quotaIsAskedWithTheShownName() throws Exception {
        try (CoreHarness h = new CoreHarness("memory", driver, settings())) {
            List<String> asked = new ArrayList<>();
            h.quota(r -> asked.add(r.mailbox()));
            UserMailboxes mb = h.open("alice");
            mb.create("INBOX.Sent");
            List<Long> uids = fill(mb, "INBOX.Sent", 1);
            try (MailboxView view = mb.open("INBOX.Sent", false)) {
                view.copy(UidSet.of(uids), "INBOX");
            }
            assertEquals(List.of("INBOX.Sent", "INBOX"), asked);
        }
    }
}
