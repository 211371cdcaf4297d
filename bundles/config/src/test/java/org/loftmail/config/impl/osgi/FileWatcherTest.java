package org.loftmail.config.impl.osgi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {

    @TempDir
    Path dir;

    @Test
    void noticesAChangedAndANewFile() throws Exception {
        Path conf = Files.writeString(dir.resolve("dovecot.conf"), "ssl = yes\n");
        Path local = dir.resolve("local.conf");
        CountDownLatch changed = new CountDownLatch(2);
        try (FileWatcher watcher = new FileWatcher(changed::countDown)) {
            watcher.watch(Set.of(conf, local));
            watcher.start(20);
            Files.writeString(conf, "ssl = required\n");
            Thread.sleep(100);
            watcher.watch(Set.of(conf, local));
            Files.writeString(local, "mail_debug = yes\n");
            assertTrue(changed.await(5, TimeUnit.SECONDS));
        }
    }
}
