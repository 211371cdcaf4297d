package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.loftmail.api.storage.MailStorage;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.event.MailboxCreated;
import org.loftmail.api.storage.event.MailboxListener;
import org.loftmail.api.storage.quota.QuotaHook;
import org.loftmail.api.storage.spi.StorageDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MailStorage} service. Reads {@code mail_location}, {@code mail_home} (the home of
 * users without a userdb {@code home}, expanded with their variables) and the namespace blocks
 * ({@code namespace.N.*}, see {@link NamespaceConfig}) from {@code org.loftmail.settings}; picks
 * the driver per user by the location's prefix among the {@link StorageDriver} services'
 * {@code driver} property; fans events out to {@link MailboxListener}s; consults an optional
 * {@link QuotaHook}. Drivers, listeners and the hook come and go without a restart.
 */
@Component(service = MailStorage.class, configurationPid = StorageComponent.PID)
public final class StorageComponent implements MailStorage {

    static final String PID = "org.loftmail.settings";

    private static final Logger LOG = LoggerFactory.getLogger(StorageComponent.class);

    private final Map<String, StorageDriver> drivers = new ConcurrentHashMap<>();
    private final Events events = new Events();
    private final QuotaGate quota = new QuotaGate();
    private final StoreRegistry registry = new StoreRegistry();
    private volatile String mailLocation;
    /** Dovecot's {@code mail_home}: the home of users the userdb gives none (unexpanded), or null. */
    private volatile String mailHome;
    private volatile NamespaceConfig namespace = NamespaceConfig.DEFAULT;
    /** The namespace configuration's current problems: each is logged when it appears, not at every update. */
    private final Set<String> problems = new LinkedHashSet<>();
    /** The last problems logged, in order (for tests). */
    private final List<String> logged = new ArrayList<>();

    @Activate
    @Modified
    void configure(Map<String, Object> settings) {
        Object v = settings.get("mail_location");
        mailLocation = v == null ? null : v.toString().trim();
        Object h = settings.get("mail_home");
        mailHome = h == null ? null : h.toString().trim();
        NamespaceConfig ns = NamespaceConfig.from(settings);
        synchronized (problems) {
            Set<String> now = new LinkedHashSet<>();
            for (String w : ns.warnings()) {
                if (now.add("warning: " + w) && !problems.contains("warning: " + w)) {
                    LOG.warn("Namespace configuration: {}", w);
                    logged.add("warning: " + w);
                }
            }
            if (ns.error() != null && now.add("error: " + ns.error()) && !problems.contains("error: " + ns.error())) {
                LOG.error("Namespace configuration: {}; no mail store can be opened until it is fixed", ns.error());
                logged.add("error: " + ns.error());
            }
            problems.clear();
            problems.addAll(now);
            while (logged.size() > 100) {
                logged.remove(0);
            }
        }
        namespace = ns;
    }

    @Deactivate
    void deactivate() {
        registry.closeAll();
    }

    /** The configuration problems logged so far, in order, as {@code warning: ...} / {@code error: ...}. */
    List<String> reported() {
        synchronized (problems) {
            return new ArrayList<>(logged);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDriver(StorageDriver driver, Map<String, Object> properties) {
        Object name = properties.get(StorageDriver.DRIVER);
        if (name != null) {
            drivers.put(name.toString(), driver);
        }
    }

    void unbindDriver(StorageDriver driver, Map<String, Object> properties) {
        Object name = properties.get(StorageDriver.DRIVER);
        if (name != null && drivers.remove(name.toString(), driver)) {
            registry.dropDriver(name.toString());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(MailboxListener listener) {
        events.add(listener);
    }

    void unbindListener(MailboxListener listener) {
        events.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindQuota(QuotaHook hook) {
        quota.set(hook);
    }

    void unbindQuota(QuotaHook hook) {
        quota.unset(hook);
    }

    @Override
    public UserMailboxes open(MailUser user) throws StorageException {
        if (user.home() == null || user.home().isEmpty()) {
            // as in Dovecot: mail_home gives the home only when the userdb returned none
            String home = Location.mailHome(mailHome, user);
            if (home != null) {
                user = new MailUser(user.name(), home, user.mailLocation());
            }
        }
        NamespaceConfig ns = namespace;
        if (ns.error() != null) {
            throw new StorageException(StorageError.INTERNAL, "The namespace configuration cannot be served: "
                    + ns.error());
        }
        // as in Dovecot: a namespace's own location wins over mail_location and the userdb's mail
        String where = ns.location() != null ? ns.location()
                : user.mailLocation() != null ? user.mailLocation() : mailLocation;
        Location loc = Location.resolve(where, user);
        StorageDriver driver = drivers.get(loc.driver());
        if (driver == null) {
            throw new StorageException(StorageError.TEMPORARY, "No storage driver '" + loc.driver() + "' is running");
        }
        SharedStore store = registry.acquire(loc.driver(), driver, user.name(), loc.path(), ns::shown, events::publish);
        List<String> created;
        try {
            created = store.applyAuto(ns);
        } catch (StorageException | RuntimeException e) {
            registry.release(store);
            throw e;
        }
        StoreContext ctx = new StoreContext(user.name(), store, events, quota, ns);
        for (String name : created) {
            events.publish(new MailboxCreated(user.name(), ctx.out(name)));
        }
        return new UserMailboxesImpl(ctx, user, List.of(ns.namespace()), () -> registry.release(store));
    }
}
