package org.loftmail.storage.core.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverStore;
import org.loftmail.storage.core.impl.name.MailboxNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's store shared by all the user's sessions: the folder tree rules (parents, children,
 * INBOX) over the driver, and the loaded mailboxes. Folder operations are serialised by one lock;
 * mailbox locks are taken only after it is released, never the other way round.
 */
final class SharedStore {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStore.class);

    final String key;
    final String driverName;
    private final DriverStore driver;
    private final ReentrantLock folders = new ReentrantLock();
    private final Map<String, MailboxState> states = new HashMap<>();
    /** Internal names as messages show them (in the personal namespace's separator). */
    private final UnaryOperator<String> shown;
    /** The namespace configuration whose auto mailboxes were last applied here. */
    private NamespaceConfig autoApplied;
    int refs;

    /** Where events about changes made by other programs go (the user's name, the storage's fan-out). */
    private final String user;
    private final java.util.function.Consumer<org.loftmail.api.storage.event.MailboxEvent> publish;

    SharedStore(String key, String driverName, DriverStore driver, UnaryOperator<String> shown, String user,
            java.util.function.Consumer<org.loftmail.api.storage.event.MailboxEvent> publish)
            throws StorageException {
        this.key = key;
        this.driverName = driverName;
        this.driver = driver;
        this.shown = shown;
        this.user = user;
        this.publish = publish;
        if (!names().contains(MailboxNames.INBOX)) {
            driver.create(MailboxNames.INBOX);
        }
    }

    /** Every existing mailbox name, sorted. */
    TreeSet<String> names() throws StorageException {
        TreeSet<String> out = new TreeSet<>();
        for (String n : driver.mailboxes()) {
            out.add(MailboxNames.normalise(n));
        }
        return out;
    }

    MailboxState state(String name) throws StorageException {
        folders.lock();
        try {
            MailboxState s = states.get(name);
            if (s == null) {
                if (!names().contains(name)) {
                    throw notFound(name);
                }
                var mailbox = driver.mailbox(name);
                s = MailboxState.load(name, mailbox);
                states.put(name, s);
                MailboxState loaded = s;
                mailbox.onExternalChange(() -> Thread.ofVirtual().name("outside-change")
                        .start(() -> outsideChange(name, loaded)));
            }
            return s;
        } finally {
            folders.unlock();
        }
    }

    /**
     * Another program changed a loaded mailbox (the driver watched it): reread it and tell the
     * listeners, so IDLE sessions hear of mail an MDA dropped into the folder.
     */
    private void outsideChange(String name, MailboxState state) {
        try {
            MailboxState.OutsideChange c = state.outsideChange();
            String shownName = shown.apply(name);
            if (!c.removed().isEmpty()) {
                publish.accept(new org.loftmail.api.storage.event.MessagesExpunged(user, shownName, c.uidValidity(),
                        c.removed()));
            }
            if (!c.added().isEmpty()) {
                publish.accept(new org.loftmail.api.storage.event.MessagesAppended(user, shownName, c.uidValidity(),
                        c.added()));
            }
        } catch (StorageException | RuntimeException e) {
            LOG.debug("rereading {} after an outside change failed: {}", name, e.toString());
        }
    }

    /** The last session ended: the next login applies the auto mailboxes again, as on a freshly opened store. */
    void sessionsEnded() {
        folders.lock();
        try {
            autoApplied = null;
        } finally {
            folders.unlock();
        }
    }

    /** Creates {@code name} and missing parents; returns what was created, parents first. */
    List<String> create(String name) throws StorageException {
        folders.lock();
        try {
            TreeSet<String> names = names();
            if (names.contains(name)) {
                throw new StorageException(StorageError.EXISTS, "Mailbox " + shown.apply(name) + " already exists");
            }
            List<String> created = new ArrayList<>();
            for (String parent : MailboxNames.parents(name)) {
                if (!names.contains(parent)) {
                    driver.create(parent);
                    created.add(parent);
                }
            }
            driver.create(name);
            created.add(name);
            return created;
        } finally {
            folders.unlock();
        }
    }

    void delete(String name) throws StorageException {
        folders.lock();
        try {
            if (MailboxNames.isInbox(name)) {
                throw new StorageException(StorageError.NOT_POSSIBLE, "INBOX cannot be deleted");
            }
            TreeSet<String> names = names();
            if (!names.contains(name)) {
                throw notFound(name);
            }
            if (hasChildren(names, name)) {
                throw new StorageException(StorageError.HAS_CHILDREN,
                        "Mailbox " + shown.apply(name) + " has children, delete them first");
            }
            driver.delete(name);
            forget(name, false);
        } finally {
            folders.unlock();
        }
    }

    /** Renames {@code from} (not INBOX) and its children; returns the old names renamed, parents first. */
    List<String> rename(String from, String to) throws StorageException {
        folders.lock();
        try {
            TreeSet<String> names = names();
            if (!names.contains(from)) {
                throw notFound(from);
            }
            if (names.contains(to)) {
                throw new StorageException(StorageError.EXISTS, "Mailbox " + shown.apply(to) + " already exists");
            }
            if (MailboxNames.isChild(to, from)) {
                throw new StorageException(StorageError.INVALID_NAME,
                        "Cannot rename " + shown.apply(from) + " into its own child");
            }
            for (String parent : MailboxNames.parents(to)) {
                if (!names.contains(parent)) {
                    driver.create(parent);
                }
            }
            List<String> moved = new ArrayList<>();
            moved.add(from);
            for (String n : names.tailSet(from + MailboxNames.SEPARATOR, true)) {
                if (!MailboxNames.isChild(n, from)) {
                    break;
                }
                moved.add(n);
            }
            for (String old : moved) {
                forget(old, true);
                driver.rename(old, to + old.substring(from.length()));
            }
            return moved;
        } finally {
            folders.unlock();
        }
    }

    /**
     * Creates the namespace's {@code auto = create|subscribe} mailboxes that are missing (with
     * their parents) and subscribes the {@code subscribe} ones, once per store and namespace
     * configuration: when the first session opens the store, and again after a reconfiguration.
     * A mailbox that cannot be created is logged and skipped.
     *
     * @return the names created, parents first
     */
    List<String> applyAuto(NamespaceConfig namespace) throws StorageException {
        folders.lock();
        try {
            if (autoApplied == namespace) {
                return List.of();
            }
            TreeSet<String> names = names();
            List<String> created = new ArrayList<>();
            Set<String> subs = new TreeSet<>(driver.subscriptions());
            boolean subsChanged = false;
            for (NamespaceConfig.AutoMailbox auto : namespace.auto()) {
                try {
                    for (String n : MailboxNames.parents(auto.name())) {
                        if (names.add(n)) {
                            driver.create(n);
                            created.add(n);
                        }
                    }
                    if (names.add(auto.name())) {
                        driver.create(auto.name());
                        created.add(auto.name());
                    }
                } catch (StorageException e) {
                    LOG.warn("Could not create the auto mailbox {} in {}: {}", shown.apply(auto.name()),
                            key.replace('\0', ' '), e.getMessage());
                    continue;
                }
                if (auto.subscribe()) {
                    subsChanged |= subs.add(auto.name());
                }
            }
            if (subsChanged) {
                driver.writeSubscriptions(subs);
            }
            autoApplied = namespace;
            return created;
        } finally {
            folders.unlock();
        }
    }

    Set<String> subscriptions() throws StorageException {
        return driver.subscriptions();
    }

    void subscribe(String name, boolean subscribed) throws StorageException {
        folders.lock();
        try {
            Set<String> subs = new TreeSet<>(driver.subscriptions());
            if (subscribed ? subs.add(name) : subs.remove(name)) {
                driver.writeSubscriptions(subs);
            }
        } finally {
            folders.unlock();
        }
    }

    static boolean hasChildren(TreeSet<String> names, String name) {
        String c = names.ceiling(name + MailboxNames.SEPARATOR);
        return c != null && MailboxNames.isChild(c, name);
    }

    void close() {
        folders.lock();
        try {
            states.values().forEach(s -> s.markGone(true));
            states.clear();
            driver.close();
        } finally {
            folders.unlock();
        }
    }

    private void forget(String name, boolean flush) {
        MailboxState s = states.remove(name);
        if (s != null) {
            s.markGone(flush);
        }
    }

    private StorageException notFound(String name) {
        return new StorageException(StorageError.NOT_FOUND, "Mailbox doesn't exist: " + shown.apply(name));
    }
}
