package org.loftmail.storage.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loftmail.storage.core.contract.DriverContract.fill;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.Flag;
import org.loftmail.api.storage.FlagChange;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.event.FlagsChanged;
import org.loftmail.api.storage.event.MailboxCreated;
import org.loftmail.api.storage.event.MailboxDeleted;
import org.loftmail.api.storage.event.MailboxEvent;
import org.loftmail.api.storage.event.MailboxRenamed;
import org.loftmail.api.storage.event.MessagesAppended;
import org.loftmail.api.storage.event.MessagesExpunged;
import org.loftmail.api.storage.event.MessagesMoved;
import org.loftmail.storage.core.impl.CoreHarness;

/** Typed events reach whiteboard listeners; a listener that throws breaks nothing. */
public interface EventsContract extends DriverContract {

    @Test
    default void everyChangeIsPublishedInOrder(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            h.addListener(e -> {
                throw new IllegalStateException("a broken listener");
            });
            List<MailboxEvent> later = new CopyOnWriteArrayList<>();
            h.addListener(later::add);
            UserMailboxes mb = h.open("alice");
            mb.create("A/B");
            List<Long> uids = fill(mb, "INBOX", 2);
            long validity = mb.status("INBOX").uidValidity();
            List<Long> moved;
            try (MailboxView v = mb.open("INBOX", false)) {
                v.store(UidSet.of(uids.get(0)), FlagChange.add(Flags.of(Flag.DELETED)));
                v.expunge(null);
                moved = v.move(UidSet.of(uids.get(1)), "A/B").targetUids();
            }
            mb.rename("A", "C");
            mb.delete("C/B");
            List<MailboxEvent> events = h.events();
            assertEquals(List.of(MailboxCreated.class, MailboxCreated.class, MessagesAppended.class, FlagsChanged.class,
                    MessagesExpunged.class, MessagesMoved.class, MailboxRenamed.class, MailboxRenamed.class,
                    MailboxDeleted.class), events.stream().map(Object::getClass).toList());
            assertEquals(new MailboxCreated("alice", "A"), events.get(0));
            assertEquals(new MessagesAppended("alice", "INBOX", validity, uids), events.get(2));
            assertEquals(uids.get(0), ((FlagsChanged) events.get(3)).messages().get(0).uid());
            assertEquals(new MessagesExpunged("alice", "INBOX", validity, List.of(uids.get(0))), events.get(4));
            MessagesMoved m = (MessagesMoved) events.get(5);
            assertEquals(List.of(uids.get(1)), m.sourceUids());
            assertEquals("A/B", m.target());
            assertEquals(moved, m.targetUids());
            assertEquals(new MailboxRenamed("alice", "A", "C"), events.get(6));
            assertEquals(new MailboxRenamed("alice", "A/B", "C/B"), events.get(7));
            assertEquals(new MailboxDeleted("alice", "C/B"), events.get(8));
            assertEquals(events, later, "a listener after a throwing one gets every event too");
        }
    }

    @Test
    default void copyPublishesAnAppendToTheTarget(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("T");
            fill(mb, "INBOX", 1);
            h.clearEvents();
            try (MailboxView v = mb.open("INBOX", false)) {
                List<Long> target = v.copy(UidSet.all(), "T").targetUids();
                assertEquals(List.of(new MessagesAppended("alice", "T", mb.status("T").uidValidity(), target)),
                        h.events());
            }
        }
    }
}
