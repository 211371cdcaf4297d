package org.loftmail.quota.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.event.FlagsChanged;
import org.loftmail.api.storage.event.MailboxCreated;
import org.loftmail.api.storage.event.MailboxEvent;
import org.loftmail.api.storage.event.MailboxListener;
import org.loftmail.api.storage.event.MailboxRenamed;
import org.loftmail.api.storage.event.MessagesMoved;
import org.loftmail.api.storage.quota.QuotaHook;
import org.loftmail.api.storage.quota.QuotaRequest;
import org.loftmail.api.storage.quota.QuotaRoot;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quota state of every user, the storage's quota hook and a mailbox listener that keeps the
 * usage current. It references no service: the storage binds hooks and listeners, so a
 * reference to the storage would be a cycle. {@link QuotaComponent}, which has the storage and
 * the userdb, {@linkplain #attach attaches} itself as the {@link Backing}; until it does every
 * addition is allowed.
 *
 * <p>An event only marks the mailboxes it names as changed (cheap, on the session's thread);
 * counting them again, and appending the difference to {@code maildirsize}, happens on the
 * component's own thread, or before the next check or report of that user, whichever comes
 * first. Userdb fields are looked up again after {@link #USERDB_TTL}.
 */
@Component(service = {QuotaHook.class, MailboxListener.class}, immediate = true,
        configurationPid = "org.loftmail.settings", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class QuotaAccounting implements QuotaHook, MailboxListener {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaAccounting.class);

    static final Duration USERDB_TTL = Duration.ofSeconds(60);

    private final AtomicReference<Backing> backing = new AtomicReference<>();
    private final Map<String, UserQuota> users = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> changed = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final ExecutorService ownExecutor;
    private final Consumer<Runnable> executor;
    private final Clock clock;
    private volatile QuotaSettings settings;

    @Activate
    public QuotaAccounting(Map<String, Object> props) {
        this.ownExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "loft-quota");
            t.setDaemon(true);
            return t;
        });
        this.executor = ownExecutor::execute;
        this.clock = Clock.systemUTC();
        configure(props);
    }

    /** For tests: runs background work with {@code executor} (e.g. {@code Runnable::run}). */
    QuotaAccounting(Map<String, ?> props, Consumer<Runnable> executor, Clock clock) {
        this.ownExecutor = null;
        this.executor = executor;
        this.clock = clock;
        configure(props);
    }

    @Modified
    void configure(Map<String, ?> props) {
        settings = QuotaSettings.of(props);
        users.clear();
        reported.clear();
    }

    @Deactivate
    void deactivate() {
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }

    void attach(Backing b) {
        backing.set(b);
    }

    void detach(Backing b) {
        backing.compareAndSet(b, null);
        users.clear();
    }

    @Override
    public void beforeAdd(QuotaRequest request) throws StorageException {
        Backing b = backing.get();
        if (b == null) {
            LOG.debug("quota service not ready, allowing {} message(s) for {}", request.messages(), request.user());
            return;
        }
        UserQuota u = current(b, request.user());
        u.check(b, request, clock.instant());
    }

    @Override
    public void onEvent(MailboxEvent event) {
        if (event instanceof FlagsChanged || event instanceof MailboxCreated) {
            return;
        }
        Set<String> set = changed.computeIfAbsent(event.user(), k -> ConcurrentHashMap.newKeySet());
        set.add(event.mailbox());
        if (event instanceof MessagesMoved m) {
            set.add(m.target());
        } else if (event instanceof MailboxRenamed r) {
            set.add(r.newName());
        }
        Backing b = backing.get();
        if (b == null) {
            return;
        }
        String user = event.user();
        try {
            executor.accept(() -> {
                try {
                    current(b, user);
                } catch (StorageException | RuntimeException e) {
                    LOG.warn("quota of {}: cannot account a change: {}", user, e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            // deactivated; the next check counts again
        }
    }

    /** The user's quota with every recorded change counted. */
    UserQuota current(Backing b, String user) throws StorageException {
        Instant now = clock.instant();
        UserQuota u = users.computeIfAbsent(user, UserQuota::new);
        synchronized (u) {
            if (u.expired(now, USERDB_TTL)) {
                Map<String, String> fields = b.userdb(user);
                QuotaSettings.UserSettings s = settings.forUser(fields);
                for (String problem : s.problems()) {
                    if (reported.add(problem)) {
                        LOG.warn("quota: {}", problem);
                    }
                }
                u.update(fields, s, now);
            }
            if (!u.settings().enabled()) {
                changed.remove(user);
            } else if (!u.counted()) {
                changed.remove(user);
                u.load(b, now);
            } else {
                u.flush(b, drain(user));
            }
        }
        return u;
    }

    private Set<String> drain(String user) {
        Set<String> set = changed.remove(user);
        return set == null ? Set.of() : new HashSet<>(set);
    }

    /** The roots of a user (for a mailbox, or all of them with {@code mailbox == null}). */
    List<QuotaRoot> roots(Backing b, String user, String mailbox, boolean recalculate) throws StorageException {
        UserQuota u = current(b, user);
        if (!u.settings().enabled()) {
            return List.of();
        }
        UserQuota.Snapshot s;
        synchronized (u) {
            s = recalculate ? u.recalculate(b) : u.snapshot(b, clock.instant());
        }
        if (u.settings().hidden() || (mailbox != null && u.settings().rules().ignored(mailbox))) {
            return List.of();
        }
        QuotaRules.Limits limits = s.limits(mailbox);
        if (limits.ignored() || limits.unlimited()) {
            return List.of();
        }
        List<QuotaRoot.Resource> resources = new java.util.ArrayList<>();
        if (limits.bytes() > 0) {
            // KiB rounded up, as Dovecot's quota_get_resource() does (a 1-octet usage is 1, not 0)
            resources.add(new QuotaRoot.Resource("STORAGE", kib(s.used().bytes()), kib(limits.bytes())));
        }
        if (limits.count() > 0) {
            resources.add(new QuotaRoot.Resource("MESSAGE", Math.max(0, s.used().count()), limits.count()));
        }
        return List.of(new QuotaRoot(u.settings().rootName(), resources));
    }

    /**
     * What {@code doveadm quota get} shows: the user's root with both resources, used and limit
     * (0: unlimited), whether limited or not; empty when quota is off for the user.
     */
    java.util.Optional<QuotaRoot> usage(Backing b, String user, boolean recalculate) throws StorageException {
        UserQuota u = current(b, user);
        if (!u.settings().enabled()) {
            return java.util.Optional.empty();
        }
        UserQuota.Snapshot s;
        synchronized (u) {
            s = recalculate ? u.recalculate(b) : u.snapshot(b, clock.instant());
        }
        QuotaRules.Limits limits = s.limits(null);
        return java.util.Optional.of(new QuotaRoot(u.settings().rootName(), List.of(
                new QuotaRoot.Resource("STORAGE", kib(s.used().bytes()), kib(limits.bytes())),
                new QuotaRoot.Resource("MESSAGE", Math.max(0, s.used().count()), limits.count()))));
    }

    private static long kib(long bytes) {
        return (Math.max(0, bytes) + 1023) / 1024;
    }

    /** Fails with TEMPORARY while the service side is missing. */
    Backing requireBacking() throws StorageException {
        Backing b = backing.get();
        if (b == null) {
            throw new StorageException(StorageError.TEMPORARY, "quota is not available yet");
        }
        return b;
    }
}
