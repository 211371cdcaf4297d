package org.loftmail.storage.core.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.spi.StorageDriver;
import org.loftmail.storage.core.impl.CoreHarness;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a driver's test provides to run the contract tests: a driver whose data lives under a
 * fresh folder, its name and a {@code mail_location} for that folder. Implement {@link
 * AllStorageContracts} to run them all.
 */
public interface DriverContract {

    /** A driver keeping its data under {@code root} (an empty folder per test). */
    StorageDriver driver(Path root) throws Exception;

    /** The driver's {@code driver} service property, e.g. {@code maildir}. */
    String driverName();

    /** The {@code mail_location} to use, e.g. {@code maildir:ROOT/%u}. */
    String mailLocation(Path root);

    default CoreHarness harness(Path root) throws Exception {
        return new CoreHarness(driverName(), driver(root), mailLocation(root));
    }

    static byte[] message(String subject, String body) {
        return ("From: a@example.org\r\nTo: b@example.org\r\nSubject: " + subject + "\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Appends {@code n} small messages to {@code mailbox}; returns their UIDs. */
    static List<Long> fill(UserMailboxes mb, String mailbox, int n) throws StorageException {
        List<AppendRequest> reqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reqs.add(AppendRequest.of(message("m" + i, "body " + i)));
        }
        return mb.append(mailbox, reqs).uids();
    }

    static byte[] read(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    static StorageException fails(StorageError error, Executable call) {
        StorageException e = assertThrows(StorageException.class, call);
        assertEquals(error, e.error(), e.getMessage());
        return e;
    }
}
