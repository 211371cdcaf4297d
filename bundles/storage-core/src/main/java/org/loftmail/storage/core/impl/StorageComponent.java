package org.loftmail.storage.core.impl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.loftmail.api.storage.MailStorage;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.Namespace;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.event.MailboxListener;
import org.loftmail.api.storage.quota.QuotaHook;
import org.loftmail.api.storage.spi.StorageDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link MailStorage} service. Reads {@code mail_location} from {@code org.loftmail.settings};
 * picks the driver per user by the location's prefix among the {@link StorageDriver} services'
 * {@code driver} property; fans events out to {@link MailboxListener}s; consults an optional
 * {@link QuotaHook}. Drivers, listeners and the hook come and go without a restart.
 */
@Component(service = MailStorage.class, configurationPid = StorageComponent.PID)
public final class StorageComponent implements MailStorage {

    static final String PID = "org.loftmail.settings";
    /** The personal namespace until namespace blocks reach ConfigAdmin. */
    static final Namespace PERSONAL = new Namespace("", '/', Namespace.Type.PERSONAL, true, true, true);

    private final Map<String, StorageDriver> drivers = new ConcurrentHashMap<>();
    private final Events events = new Events();
    private final QuotaGate quota = new QuotaGate();
    private final StoreRegistry registry = new StoreRegistry();
    private volatile String mailLocation;

    @Activate
    @Modified
    void configure(Map<String, Object> settings) {
        Object v = settings.get("mail_location");
        mailLocation = v == null ? null : v.toString().trim();
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
        Location loc = Location.resolve(user.mailLocation() != null ? user.mailLocation() : mailLocation, user);
        StorageDriver driver = drivers.get(loc.driver());
        if (driver == null) {
            throw new StorageException(StorageError.TEMPORARY, "No storage driver '" + loc.driver() + "' is running");
        }
        SharedStore store = registry.acquire(loc.driver(), driver, user.name(), loc.path());
        StoreContext ctx = new StoreContext(user.name(), store, events, quota);
        return new UserMailboxesImpl(ctx, user, List.of(PERSONAL), () -> registry.release(store));
    }
}
