package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches maildir directories ({@code new/}, {@code cur/}) with one {@link WatchService} (one
 * inotify instance on Linux, whatever the number of mailboxes) and one daemon thread, started with
 * the first registration and stopped when the last one is cancelled. Each event goes to the
 * {@link Sink}s registered for its directory. Thread-safe.
 */
final class MaildirWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MaildirWatcher.class);

    /** Receives the events of one watched directory, on the watcher's thread. */
    interface Sink {
        /** An entry was created or deleted ({@code count} times in a row, as the service coalesces). */
        void entry(WatchEvent.Kind<?> kind, String name, int count);

        /** Events were lost, or the directory can no longer be watched ({@code valid} false). */
        void lost(boolean valid);
    }

    /** One sink on one directory; {@link #cancel} ends it. */
    final class Registration {
        private final WatchKey key;
        private final Sink sink;
        private boolean cancelled;

        private Registration(WatchKey key, Sink sink) {
            this.key = key;
            this.sink = sink;
        }

        void cancel() {
            synchronized (MaildirWatcher.this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                List<Registration> list = byKey.get(key);
                if (list != null) {
                    list.remove(this);
                    if (list.isEmpty()) {
                        byKey.remove(key);
                        key.cancel();
                    }
                }
                if (byKey.isEmpty()) {
                    stop();
                }
            }
        }
    }

    private final Map<WatchKey, List<Registration>> byKey = new HashMap<>();
    private WatchService service;
    private Thread thread;

    /** Starts delivering the events of {@code dir} to {@code sink}. */
    synchronized Registration register(Path dir, Sink sink) throws IOException {
        if (service == null) {
            service = FileSystems.getDefault().newWatchService();
            WatchService s = service;
            thread = Thread.ofPlatform().daemon().name("maildir-watcher").start(() -> run(s));
        }
        WatchKey key;
        try {
            key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            if (byKey.isEmpty()) {
                stop();
            }
            throw e;
        }
        Registration r = new Registration(key, sink);
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        return r;
    }

    /** How many directories are watched (for tests). */
    synchronized int watched() {
        return byKey.size();
    }

    private void stop() {
        if (service != null) {
            try {
                service.close();
            } catch (IOException ignored) {
                // closing only
            }
            service = null;
            thread = null;
        }
    }

    private void run(WatchService s) {
        while (true) {
            WatchKey key;
            try {
                key = s.take();
            } catch (ClosedWatchServiceException | InterruptedException closed) {
                return;
            }
            List<Registration> sinks;
            synchronized (this) {
                List<Registration> list = byKey.get(key);
                sinks = list == null ? List.of() : List.copyOf(list);
            }
            List<WatchEvent<?>> events = key.pollEvents();
            boolean valid = key.reset();
            for (Registration r : sinks) {
                try {
                    for (WatchEvent<?> e : events) {
                        if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                            r.sink.lost(true);
                        } else {
                            r.sink.entry(e.kind(), e.context().toString(), e.count());
                        }
                    }
                    if (!valid) {
                        r.sink.lost(false);
                    }
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Maildir change handler failed", e);
                }
            }
            if (!valid) {
                synchronized (this) {
                    byKey.remove(key);
                }
            }
        }
    }
}
