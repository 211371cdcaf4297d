package org.loftmail.config.impl.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the modification time and size of a set of paths once a second on a daemon thread and
 * calls back when any of them changed, appeared or disappeared.
 */
final class FileWatcher implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loft-config-watch");
        t.setDaemon(true);
        return t;
    });
    private final Runnable onChange;
    private volatile Map<Path, String> snapshot = Map.of();

    FileWatcher(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Starts polling; {@link #watch} sets what. */
    void start(long periodMillis) {
        timer.scheduleWithFixedDelay(this::poll, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Watches {@code paths} from now on, as they are now. */
    void watch(Set<Path> paths) {
        Map<Path, String> now = new HashMap<>();
        for (Path p : paths) {
            now.put(p, stamp(p));
        }
        snapshot = now;
    }

    private void poll() {
        Map<Path, String> seen = snapshot;
        for (Map.Entry<Path, String> e : seen.entrySet()) {
            if (!stamp(e.getKey()).equals(e.getValue())) {
                onChange.run();
                return;
            }
        }
    }

    static String stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + "/" + a.size();
        } catch (IOException e) {
            return "missing";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
