package org.loftmail.storage.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loftmail.storage.core.contract.DriverContract.fails;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.storage.AppendRequest;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.storage.core.impl.CoreHarness;

/** Names that could escape the user's root are refused everywhere, saying which rule they broke. */
public interface NameRulesContract extends DriverContract {

    /** A bad name and a word the refusal must contain. */
    List<String[]> BAD = List.of(
            new String[] {"../x", "'..'"},
            new String[] {"/etc", "absolute"},
            new String[] {"~bob", "'~'"},
            new String[] {"a/../../b", "'..'"},
            new String[] {"a/./b", "'.'"},
            new String[] {"a\u0000b", "control character"},
            new String[] {"tab\there", "control character"},
            new String[] {"a//b", "empty level"},
            new String[] {"", "empty"},
            new String[] {"x".repeat(300), "longer than"},
            new String[] {"a/".repeat(40) + "z", "levels"},
            new String[] {"star*", "wildcard"});

    @Test
    default void badNamesAreRefusedByEveryOperation(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            mb.create("Fine");
            for (String[] bad : BAD) {
                String name = bad[0];
                StorageException e = fails(StorageError.INVALID_NAME, () -> mb.create(name));
                assertTrue(e.getMessage().contains(bad[1]), e.getMessage() + " should say " + bad[1]);
                fails(StorageError.INVALID_NAME, () -> mb.rename("Fine", name));
                fails(StorageError.INVALID_NAME, () -> mb.open(name, false));
                fails(StorageError.INVALID_NAME, () -> mb.status(name));
                fails(StorageError.INVALID_NAME, () -> mb.subscribe(name, true));
                fails(StorageError.INVALID_NAME, () -> mb.append(name, List.of(AppendRequest.of(new byte[] {'x'}))));
                fails(StorageError.INVALID_NAME, () -> mb.delete(name));
            }
            assertEquals(List.of("INBOX", "Fine"), mb.list("", "*", false).stream().map(i -> i.name()).toList());
        }
    }

    @Test
    default void ordinaryNamesWithSpacesUnicodeAndLengthAreAllowed(@TempDir Path root) throws Exception {
        try (CoreHarness h = harness(root)) {
            UserMailboxes mb = h.open("alice");
            for (String ok : List.of("Sent Items", "Entw\u00fcrfe", "x".repeat(200))) {
                mb.create(ok);
                assertEquals(0, mb.status(ok).messages());
            }
        }
    }
}
