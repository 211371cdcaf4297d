package org.loftmail.storage.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.storage.core.contract.DriverContract.fails;
import static org.loftmail.storage.core.contract.DriverContract.fill;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.MailboxAttribute;
import org.loftmail.api.storage.MailboxInfo;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.impl.CoreHarness;

/** The folder tree: INBOX, create with parents, delete, rename with children, LIST patterns, subscriptions. */
public interface MailboxTreeContract extends DriverContract {

    private static List<String> names(List<MailboxInfo> infos) {
        return infos.stream().map(MailboxInfo::name).toList();
    }

    @Test
    default void inboxAlwaysExistsAndIsCaseInsensitive(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            assertEquals(List.of("INBOX"), names(mb.list("", "*", false)));
            fill(mb, "inbox", 1);
            assertEquals(1, mb.status("Inbox").messages());
            assertEquals(List.of("INBOX"), names(mb.list("", "inBox", false)));
            fails(StorageError.EXISTS, () -> mb.create("inbox"));
            fails(StorageError.NOT_POSSIBLE, () -> mb.delete("INBOX"));
        }
    }

    @Test
    default void createMakesMissingParentsAndListMatchesPatterns(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("Work/Projects/Loft");
            mb.create("Sent/");
            assertEquals(List.of("INBOX", "Sent", "Work", "Work/Projects", "Work/Projects/Loft"),
                    names(mb.list("", "*", false)));
            assertEquals(List.of("INBOX", "Sent", "Work"), names(mb.list("", "%", false)));
            assertEquals(List.of("Work/Projects"), names(mb.list("Work/", "%", false)));
            assertEquals(List.of("Work/Projects", "Work/Projects/Loft"), names(mb.list("Work/", "*", false)));
            MailboxInfo work = mb.list("", "Work", false).get(0);
            assertTrue(work.has(MailboxAttribute.HAS_CHILDREN));
            assertTrue(mb.list("", "Sent", false).get(0).has(MailboxAttribute.HAS_NO_CHILDREN));
            fails(StorageError.EXISTS, () -> mb.create("Work/Projects"));
        }
    }

    @Test
    default void deleteRefusesMailboxesWithChildrenAndMissingOnes(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("A/B");
            fill(mb, "A/B", 2);
            fails(StorageError.HAS_CHILDREN, () -> mb.delete("A"));
            mb.delete("A/B");
            mb.delete("A");
            fails(StorageError.NOT_FOUND, () -> mb.delete("A"));
            fails(StorageError.NOT_FOUND, () -> mb.status("A/B"));
            mb.create("A/B");
            assertEquals(0, mb.status("A/B").messages(), "a re-created mailbox starts empty");
        }
    }

    @Test
    default void renameTakesChildrenAlongAndKeepsUidsAndUidValidity(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("Old/Sub/Deep");
            mb.create("Older");
            List<Long> uids = fill(mb, "Old/Sub", 2);
            long validity = mb.status("Old/Sub").uidValidity();
            mb.rename("Old", "New/Name");
            assertEquals(List.of("INBOX", "New", "New/Name", "New/Name/Sub", "New/Name/Sub/Deep", "Older"),
                    names(mb.list("", "*", false)));
            assertEquals(validity, mb.status("New/Name/Sub").uidValidity());
            assertEquals(uids.get(1) + 1, mb.status("New/Name/Sub").uidNext());
            assertEquals(2, mb.status("New/Name/Sub").messages());
        }
    }

    @Test
    default void viewsOnRenamedOrDeletedMailboxesFailWithNotFound(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("R");
            mb.create("D");
            fill(mb, "R", 1);
            try (MailboxView r = mb.open("R", false); MailboxView d = mb.open("D", false)) {
                mb.rename("R", "R2");
                mb.delete("D");
                fails(StorageError.NOT_FOUND, r::sync);
                fails(StorageError.NOT_FOUND, d::sync);
            }
            try (MailboxView again = mb.open("R2", false)) {
                assertEquals(1, again.size());
            }
        }
    }

    @Test
    default void renameRefusesExistingTargetsMissingSourcesAndOwnChildren(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("A");
            mb.create("B");
            fails(StorageError.EXISTS, () -> mb.rename("A", "B"));
            fails(StorageError.NOT_FOUND, () -> mb.rename("C", "D"));
            fails(StorageError.INVALID_NAME, () -> mb.rename("A", "A/Inside"));
            fails(StorageError.EXISTS, () -> mb.rename("A", "inbox"));
        }
    }

    @Test
    default void renamingInboxMovesItsMessagesAndLeavesItEmpty(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("INBOX/Child");
            fill(mb, "INBOX", 3);
            mb.rename("inbox", "Saved");
            assertEquals(3, mb.status("Saved").messages());
            assertEquals(0, mb.status("INBOX").messages());
            assertEquals(List.of("INBOX", "INBOX/Child", "Saved"), names(mb.list("", "*", false)));
        }
    }

    @Test
    default void subscriptionsListedWithLsubSemantics(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("Lists/Java");
            mb.subscribe("INBOX", true);
            mb.subscribe("Lists/Java", true);
            mb.subscribe("Gone/Away", true);
            assertEquals(List.of("INBOX", "Gone/Away", "Lists/Java"), names(mb.list("", "*", true)));
            List<MailboxInfo> top = mb.list("", "%", true);
            assertEquals(List.of("INBOX", "Gone", "Lists"), names(top));
            assertTrue(top.get(2).has(MailboxAttribute.NOSELECT), "a parent only implied by a subscription");
            MailboxInfo gone = mb.list("", "Gone/Away", true).get(0);
            assertEquals(Set.of(MailboxAttribute.NONEXISTENT, MailboxAttribute.SUBSCRIBED,
                    MailboxAttribute.HAS_NO_CHILDREN), gone.attributes());
            assertTrue(mb.list("", "Lists/Java", false).get(0).has(MailboxAttribute.SUBSCRIBED));
            mb.subscribe("Gone/Away", false);
            assertEquals(List.of("INBOX", "Lists/Java"), names(mb.list("", "*", true)));
        }
    }
}
