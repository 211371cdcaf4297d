package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.loftmail.api.storage.MailStorage;
import org.loftmail.api.storage.MailUser;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.UserMailboxes;
import org.loftmail.api.storage.event.MailboxEvent;
import org.loftmail.api.storage.event.MailboxListener;
import org.loftmail.api.storage.quota.QuotaHook;
import org.loftmail.api.storage.spi.StorageDriver;

/**
 * The storage core as DS would wire it, as plain Java: one {@link StorageComponent} with a driver,
 * a recording listener and optionally a quota hook. For contract tests; closes what it opened.
 */
public final class CoreHarness implements AutoCloseable {

    private final StorageComponent component = new StorageComponent();
    private final List<MailboxEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<UserMailboxes> opened = new ArrayList<>();

    public CoreHarness(String driverName, StorageDriver driver, String mailLocation) {
        this(driverName, driver, Map.of("mail_location", mailLocation));
    }

    /**
     * A harness configured with {@code settings} as {@code org.loftmail.settings} would be, e.g.
     * {@code mail_location} plus {@code namespace.N.*} keys (docs/configadmin.md).
     */
    public CoreHarness(String driverName, StorageDriver driver, Map<String, Object> settings) {
        component.configure(settings);
        component.bindDriver(driver, Map.of(StorageDriver.DRIVER, driverName));
        component.bindListener(events::add);
    }

    /** Reconfigures the component as a ConfigAdmin update of {@code org.loftmail.settings} would. */
    public void configure(Map<String, Object> settings) {
        component.configure(settings);
    }

    /** The configuration problems the component logged, each once: {@code warning: ...}, {@code error: ...}. */
    public List<String> reported() {
        return component.reported();
    }

    public MailStorage storage() {
        return component;
    }

    /** Opens the user's store (closed again by {@link #close()}; close it yourself to end the session earlier). */
    public UserMailboxes open(String user) throws StorageException {
        UserMailboxes mb = component.open(MailUser.of(user));
        opened.add(mb);
        return mb;
    }

    /** Every event published so far, in order. */
    public List<MailboxEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public void clearEvents() {
        events.clear();
    }

    public void addListener(MailboxListener listener) {
        component.bindListener(listener);
    }

    public void quota(QuotaHook hook) {
        component.bindQuota(hook);
    }

    public void bindDriver(String name, StorageDriver driver) {
        component.bindDriver(driver, Map.of(StorageDriver.DRIVER, name));
    }

    public void unbindDriver(String name, StorageDriver driver) {
        component.unbindDriver(driver, Map.of(StorageDriver.DRIVER, name));
    }

    @Override
    public void close() {
        opened.forEach(UserMailboxes::close);
        opened.clear();
        component.deactivate();
    }
}
