package org.loftmail.storage.memory.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.storage.core.contract.DriverContract.fails;
import static org.loftmail.storage.core.contract.DriverContract.fill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.MailboxAttribute;
import org.loftmail.api.storage.MailboxInfo;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.Namespace;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.event.MailboxCreated;
import org.loftmail.api.storage.event.MailboxEvent;
import org.loftmail.api.storage.event.MailboxRenamed;
import org.loftmail.api.storage.event.MessagesAppended;
import org.loftmail.api.storage.event.MessagesMoved;
import org.loftmail.storage.core.impl.CoreHarness;

/**
 * The storage core serving the namespace blocks of {@code org.loftmail.settings} over the memory
 * driver: the personal namespace's separator, {@code auto} mailboxes, special uses, and the
 * namespaces it does not serve.
 */
class NamespacesTest {

    private final MemoryDriver driver = new MemoryDriver();

    /** {@code mail_location = memory:} plus {@code key, value} pairs. */
    private static Map<String, Object> settings(String... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mail_location", "memory:");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Debian's 10-mail.conf {@code namespace inbox} with its 15-mailboxes.conf, as the config bundle projects them. */
    private static final String[] DEBIAN = {
        "namespace.0.name", "inbox",
        "namespace.0.inbox", "yes",
        "namespace.0.mailbox.0.name", "Drafts",
        "namespace.0.mailbox.0.special_use", "\\Drafts",
        "namespace.0.mailbox.1.name", "Junk",
        "namespace.0.mailbox.1.special_use", "\\Junk",
        "namespace.0.mailbox.2.name", "Trash",
        "namespace.0.mailbox.2.special_use", "\\Trash",
        "namespace.0.mailbox.3.name", "Sent",
        "namespace.0.mailbox.3.special_use", "\\Sent",
        "namespace.0.mailbox.4.name", "Sent Messages",
        "namespace.0.mailbox.4.special_use", "\\Sent",
    };

    private static List<String> names(List<MailboxInfo> infos) {
        return infos.stream().map(MailboxInfo::name).toList();
    }

    private static MailboxInfo info(UserMailboxes mb, String name) throws StorageException {
        List<MailboxInfo> found = mb.list("", name, false);
        assertEquals(1, found.size(), name + ": " + found);
        return found.get(0);
    }

    private static Set<MailboxAttribute> specialUse(MailboxInfo info) {
        Set<MailboxAttribute> out = new TreeSet<>();
        info.attributes().stream().filter(MailboxAttribute::isSpecialUse).forEach(out::add);
        return out;
    }

    @Test
    void withoutNamespaceBlocksTheOldPersonalNamespaceIsServed() throws Exception {
        try (CoreHarness h = new CoreHarness("memory", driver, settings("mail_plugins", "quota"))) {
            UserMailboxes mb = h.open("alice");
            assertEquals(List.of(new Namespace("", '/', Namespace.Type.PERSONAL, true, true, true)), mb.namespaces());
            mb.create("Work/Projects");
            mb.create("v1.2");
            assertEquals(List.of("INBOX", "Work", "Work/Projects", "v1.2"), names(mb.list("", "*", false)));
            assertTrue(mb.list("", "*", false).stream().allMatch(i -> specialUse(i).isEmpty()));
            assertEquals(List.of(), h.reported());
        }
    }

    @Test
    void theSeparatorDotIsUsedByEveryNameInAndOutWhileTheDriverKeepsSlashes() throws Exception {
        Map<String, Object> dot = settings("namespace.0.name", "inbox", "namespace.0.separator", ".",
                "namespace.0.inbox", "yes");
        try (CoreHarness h = new CoreHarness("memory", driver, dot)) {
            UserMailboxes mb = h.open("alice");
            assertEquals(List.of(new Namespace("", '.', Namespace.Type.PERSONAL, true, true, true)), mb.namespaces());
            mb.create("Work.Projects.Loft");
            mb.create("Sent.");
            mb.create("inbox.Child");
            assertEquals(List.of("INBOX", "INBOX.Child", "Sent", "Work", "Work.Projects", "Work.Projects.Loft"),
                    names(mb.list("", "*", false)));
            assertEquals(List.of("INBOX", "Sent", "Work"), names(mb.list("", "%", false)));
            assertEquals(List.of("Work.Projects"), names(mb.list("Work.", "%", false)));
            assertEquals(List.of("INBOX.Child"), names(mb.list("", "Inbox.%", false)));
            assertTrue(info(mb, "Work.Projects").has(MailboxAttribute.HAS_CHILDREN));
            assertEquals(new TreeSet<>(List.of("INBOX", "INBOX/Child", "Sent", "Work", "Work/Projects",
                    "Work/Projects/Loft")), new TreeSet<>(driver.open("alice", "").mailboxes()), "drivers see '/'");

            StorageException slash = fails(StorageError.INVALID_NAME, () -> mb.create("a/b"));
            assertTrue(slash.getMessage().contains("'/'"), slash.getMessage());
            fails(StorageError.INVALID_NAME, () -> mb.create("Work..x"));
            fails(StorageError.EXISTS, () -> mb.create("Work.Projects"));
            fails(StorageError.HAS_CHILDREN, () -> mb.delete("Work.Projects"));
            StorageException missing = fails(StorageError.NOT_FOUND, () -> mb.status("Work.Nothing"));
            assertTrue(missing.getMessage().contains("Work.Nothing"), missing.getMessage());

            h.clearEvents();
            List<Long> uids = fill(mb, "Work.Projects", 2);
            mb.rename("Work.Projects", "Old.Projects");
            try (MailboxView view = mb.open("Old.Projects", false)) {
                assertEquals("Old.Projects", view.name());
                view.copy(UidSet.of(uids), "Sent");
                view.move(UidSet.of(uids.subList(0, 1)), "Work");
            }
            mb.subscribe("Old.Projects.Loft", true);
            assertEquals(List.of("Old.Projects.Loft"), names(mb.list("", "Old.*", true)));
            assertEquals(2, mb.status("Sent").messages());
            assertEquals(1, mb.status("Work").messages());
            assertEquals(1, mb.status("Old.Projects").messages());

            List<String> seen = h.events().stream().map(NamespacesTest::describe).toList();
            assertEquals(List.of("appended Work.Projects", "renamed Work.Projects -> Old.Projects",
                    "renamed Work.Projects.Loft -> Old.Projects.Loft", "appended Sent",
                    "moved Old.Projects -> Work"), seen);
        }
        try (CoreHarness slashes = new CoreHarness("memory", driver, settings())) {
            UserMailboxes mb = slashes.open("alice");
            mb.create("v1.2/notes");
            assertTrue(names(mb.list("", "*", false)).contains("Old/Projects/Loft"), "the same store under '/'");
        }
        try (CoreHarness again = new CoreHarness("memory", driver, dot)) {
            assertFalse(names(again.open("alice").list("", "*", false)).stream().anyMatch(n -> n.startsWith("v1")),
                    "a level holding the separator cannot be named, so it is not listed");
        }
    }

    private static String describe(MailboxEvent e) {
        return switch (e) {
            case MessagesAppended a -> "appended " + a.mailbox();
            case MailboxCreated c -> "created " + c.mailbox();
            case MailboxRenamed r -> "renamed " + r.mailbox() + " -> " + r.newName();
            case MessagesMoved m -> "moved " + m.mailbox() + " -> " + m.target();
            default -> e.getClass().getSimpleName() + " " + e.mailbox();
        };
    }

    @Test
    void autoMailboxesAreCreatedAndSubscribedWhenTheStoreIsOpened() throws Exception {
        Map<String, Object> s = settings("namespace.0.name", "inbox", "namespace.0.separator", ".",
                "namespace.0.inbox", "yes",
                "namespace.0.mailbox.0.name", "Drafts", "namespace.0.mailbox.0.auto", "subscribe",
                "namespace.0.mailbox.1.name", "Junk", "namespace.0.mailbox.1.auto", "create",
                "namespace.0.mailbox.2.name", "Trash", "namespace.0.mailbox.2.auto", "subscribe",
                "namespace.0.mailbox.3.name", "Archive.2026", "namespace.0.mailbox.3.auto", "create",
                "namespace.0.mailbox.4.name", "Sent Messages", "namespace.0.mailbox.4.auto", "no");
        try (CoreHarness h = new CoreHarness("memory", driver, s)) {
            UserMailboxes first = h.open("alice");
            assertEquals(List.of("INBOX", "Archive", "Archive.2026", "Drafts", "Junk", "Trash"),
                    names(first.list("", "*", false)));
            assertEquals(List.of("Drafts", "Trash"), names(first.list("", "*", true)));
            assertEquals(List.of("created Drafts", "created Junk", "created Trash", "created Archive",
                    "created Archive.2026"), h.events().stream().map(NamespacesTest::describe).toList());

            first.delete("Junk");
            first.subscribe("Trash", false);
            UserMailboxes second = h.open("alice");
            assertFalse(names(second.list("", "*", false)).contains("Junk"),
                    "only the first session of the store creates them");
            first.close();
            second.close();

            UserMailboxes later = h.open("alice");
            assertTrue(names(later.list("", "*", false)).contains("Junk"), "the next login creates them again");
            assertEquals(List.of("Drafts", "Trash"), names(later.list("", "*", true)));
            later.close();

            h.configure(settings("namespace.0.name", "inbox", "namespace.0.inbox", "yes"));
            try (UserMailboxes bob = h.storage().open(MailUser.of("bob"))) {
                assertEquals(List.of("INBOX"), names(bob.list("", "*", false)), "none configured any more");
            }
        }
    }

    @Test
    void specialUseAttributesOfTheDebianMailboxesAppearInListResults() throws Exception {
        try (CoreHarness h = new CoreHarness("memory", driver, settings(DEBIAN))) {
            UserMailboxes mb = h.open("alice");
            assertEquals(List.of("INBOX"), names(mb.list("", "*", false)), "Debian's blocks create nothing");
            mb.create("Sent");
            mb.create("Sent Messages");
            mb.create("Trash/Old");
            mb.subscribe("Drafts", true);
            assertEquals(Set.of(MailboxAttribute.SENT), specialUse(info(mb, "Sent")));
            assertEquals(Set.of(MailboxAttribute.SENT), specialUse(info(mb, "Sent Messages")));
            MailboxInfo trash = info(mb, "Trash");
            assertEquals(Set.of(MailboxAttribute.TRASH, MailboxAttribute.HAS_CHILDREN), trash.attributes());
            assertEquals(Set.of(), specialUse(info(mb, "Trash/Old")));
            assertEquals(Set.of(), specialUse(info(mb, "INBOX")));
            MailboxInfo drafts = mb.list("", "Drafts", true).get(0);
            assertEquals(Set.of(MailboxAttribute.NONEXISTENT, MailboxAttribute.SUBSCRIBED,
                    MailboxAttribute.HAS_NO_CHILDREN), drafts.attributes(), "a mailbox that does not exist has no use");
            mb.create("Drafts");
            assertEquals(Set.of(MailboxAttribute.DRAFTS, MailboxAttribute.SUBSCRIBED,
                    MailboxAttribute.HAS_NO_CHILDREN), mb.list("", "Drafts", true).get(0).attributes());
            assertEquals("\\Drafts", MailboxAttribute.DRAFTS.imapName());
            assertEquals(List.of(), h.reported());
        }
    }

    @Test
    void aSharedNamespaceIsWarnedAboutOnceAndIgnored() throws Exception {
        Map<String, Object> s = settings(
                "namespace.0.name", "inbox", "namespace.0.separator", "/", "namespace.0.inbox", "yes",
                "namespace.1.name", "shared", "namespace.1.type", "shared", "namespace.1.separator", "/",
                "namespace.1.prefix", "Shared/%%u/", "namespace.1.location", "maildir:%%h/Maildir",
                "namespace.1.subscriptions", "no", "namespace.1.list", "children");
        try (CoreHarness h = new CoreHarness("memory", driver, s)) {
            UserMailboxes mb = h.open("alice");
            assertEquals(List.of(new Namespace("", '/', Namespace.Type.PERSONAL, true, true, true)), mb.namespaces());
            mb.create("Shared/bob/INBOX");
            assertEquals(List.of("INBOX", "Shared", "Shared/bob", "Shared/bob/INBOX"), names(mb.list("", "*", false)),
                    "the prefix is an ordinary personal name");
            List<String> expected = List.of("warning: namespace shared (type = shared, prefix \"Shared/%%u/\") is not"
                    + " supported and is ignored: Loft serves only the personal namespace");
            assertEquals(expected, h.reported());
            h.configure(new LinkedHashMap<>(s));
            h.open("bob");
            assertEquals(expected, h.reported(), "logged once, not at every reconfiguration");
            h.configure(settings("namespace.0.name", "inbox", "namespace.0.inbox", "yes"));
            h.configure(new LinkedHashMap<>(s));
            assertEquals(List.of(expected.get(0), expected.get(0)), h.reported(), "logged again once reintroduced");
        }
    }

    @Test
    void aPrefixIsRefusedWithALoggedErrorAndANamespaceLocationIsUsed() throws Exception {
        try (CoreHarness h = new CoreHarness("memory", driver, settings("namespace.0.name", "inbox",
                "namespace.0.inbox", "yes", "namespace.0.separator", ".", "namespace.0.prefix", "Mail."))) {
            StorageException e = fails(StorageError.INTERNAL, () -> h.open("alice"));
            assertTrue(e.getMessage().contains("prefix 'Mail.' is not supported"), e.getMessage());
            assertEquals(1, h.reported().size());
            assertTrue(h.reported().get(0).startsWith("error: namespace inbox: prefix 'Mail.'"), h.reported().get(0));

            Map<String, Object> located = settings("namespace.0.name", "mine", "namespace.0.location", "memory:%u");
            located.put("mail_location", "maildir:/nowhere/%u");
            h.configure(located);
            UserMailboxes mb = h.open("alice");
            fill(mb, "INBOX", 1);
            assertEquals(1, driver.open("alice", "alice").mailbox("INBOX").messages().size(),
                    "the only private namespace is personal and its location wins over mail_location");
        }
    }
}
