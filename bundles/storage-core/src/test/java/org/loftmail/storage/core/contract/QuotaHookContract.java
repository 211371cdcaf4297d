package org.loftmail.storage.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loftmail.storage.core.contract.DriverContract.fails;
import static org.loftmail.storage.core.contract.DriverContract.fill;
import static org.loftmail.storage.core.contract.DriverContract.message;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.MailboxView;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UidSet;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.quota.QuotaRequest;
import org.loftmail.storage.core.impl.CoreHarness;

/** The quota hook is asked before messages are added and can refuse them. */
public interface QuotaHookContract extends DriverContract {

    @Test
    default void quotaHookSeesAdditionsAndCanRefuseThem(@TempDir Path root) throws Exception {
        List<QuotaRequest> asked = new CopyOnWriteArrayList<>();
        try (CoreHarness h = harness(root)) {
            h.quota(r -> {
                asked.add(r);
                if (r.mailbox().equals("Full")) {
                    throw new StorageException(StorageError.OVER_QUOTA, "Quota exceeded");
                }
            });
            UserMailboxes mb = h.open("alice");
            mb.create("Full");
            byte[] msg = message("q", "body");
            mb.append("INBOX", List.of(AppendRequest.of(msg)));
            assertEquals(new QuotaRequest("alice", "INBOX", 1, msg.length), asked.get(0));
            fails(StorageError.OVER_QUOTA, () -> mb.append("Full", List.of(AppendRequest.of(msg))));
            fails(StorageError.OVER_QUOTA, () -> mb.append("Full",
                    List.of(new AppendRequest(() -> new ByteArrayInputStream(msg), Flags.NONE, null))));
            try (MailboxView v = mb.open("INBOX", false)) {
                fails(StorageError.OVER_QUOTA, () -> v.copy(UidSet.all(), "Full"));
                fails(StorageError.OVER_QUOTA, () -> v.move(UidSet.all(), "Full"));
                assertEquals(1, v.sync().exists());
            }
            assertEquals(0, mb.status("Full").messages());
            assertEquals(new QuotaRequest("alice", "Full", 1, msg.length), asked.get(asked.size() - 2), "COPY adds");
            assertEquals(new QuotaRequest("alice", "Full", 1, msg.length, "INBOX"), asked.get(asked.size() - 1),
                    "MOVE says where from, so quota can tell a move inside one root");
        }
    }

    @Test
    default void withoutAHookEverythingIsAllowed(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            assertEquals(3, fill(mb, "INBOX", 3).size());
        }
    }
}
