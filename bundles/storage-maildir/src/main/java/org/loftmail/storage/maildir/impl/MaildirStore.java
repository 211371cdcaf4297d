package org.loftmail.storage.maildir.impl;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.DriverStore;

/**
 * One user's maildir as a {@link DriverStore}: folders through {@link MaildirFolders} (a mailbox
 * exists when its directory has {@code cur/}), subscriptions through {@link Subscriptions},
 * renames and deletes through {@link FolderMover}. A new mailbox gets its uidlist at once, so its
 * UIDVALIDITY is fixed from the start. The core serialises folder operations; the handles given
 * out are tracked only to close their open uidlist files. Thread-safe.
 */
final class MaildirStore implements DriverStore {

    private final MailLocation location;
    private final MaildirFolders folders;
    private final FolderMover mover;
    private final UidValidities validities;
    private final MaildirDelivery delivery;
    private final OpenMailboxes handles = new OpenMailboxes();
    private final MaildirWatcher watcher;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    MaildirStore(MailLocation location, UidValidities validities, MaildirDelivery delivery) {
        this(location, validities, delivery, null);
    }

    /** @param watcher watches the open mailboxes' new/ and cur/, or null for no watching */
    MaildirStore(MailLocation location, UidValidities validities, MaildirDelivery delivery, MaildirWatcher watcher) {
        this.location = location;
        this.folders = new MaildirFolders(location);
        this.mover = new FolderMover(location);
        this.validities = validities;
        this.delivery = delivery;
        this.watcher = watcher;
    }

    /**
     * Tells {@code listener} the name of a mailbox whose new/ or cur/ another process changed, as
     * soon as the watch service reports it (on its thread; keep it short). Only mailboxes with an
     * open handle are watched. The driver SPI has no such hook yet, so the core does not use it:
     * it finds the change at its next refresh through {@link DriverMailbox#revision()}.
     */
    void onChange(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    private void changed(String name) {
        for (Consumer<String> l : changeListeners) {
            l.accept(name);
        }
    }

    @Override
    public List<String> mailboxes() throws StorageException {
        try {
            List<String> out = new ArrayList<>();
            for (MaildirFolders.Folder f : folders.list()) {
                if (f.selectable() && existsOnDisk(f.name())) {
                    out.add(f.name());
                }
            }
            return out;
        } catch (IOException e) {
            throw StorageErrors.io("Cannot list the mailboxes", e);
        }
    }

    /** False too for a directory whose name Loft cannot use (e.g. left by another program). */
    private boolean existsOnDisk(String name) {
        try {
            return exists(name);
        } catch (IllegalArgumentException unusable) {
            return false;
        }
    }

    private boolean exists(String name) {
        return Files.isDirectory(folders.path(name).resolve("cur"));
    }

    @Override
    public synchronized void create(String name) throws StorageException {
        try {
            if (exists(name)) {
                throw StorageErrors.exists(name);
            }
            folders.create(name);
            ensureUidList(name);
        } catch (FileAlreadyExistsException e) {
            throw StorageErrors.exists(name);
        } catch (IOException e) {
            throw StorageErrors.io("Cannot create " + name, e);
        } catch (IllegalArgumentException e) {
            throw StorageErrors.invalidName(e);
        }
    }

    /** Gives a maildir without a uidlist one: imported from Courier when it has Courier's, else new. */
    private void ensureUidList(String name) throws IOException {
        Path control = folders.controlPath(name);
        if (Files.exists(control.resolve(MaildirUidList.FILE))) {
            return; // the common case: nothing to read
        }
        Files.createDirectories(control);
        if (!CourierUidImport.importIfNeeded(folders.path(name), control)) {
            try (MaildirUidList uids = MaildirUidList.open(control)) {
                if (!uids.exists()) {
                    uids.create(validities.next(), 1, List.of());
                }
            }
        }
    }

    @Override
    public synchronized void delete(String name) throws StorageException {
        try {
            Path dir = folders.path(name);
            if (!exists(name)) {
                throw StorageErrors.notFound(name);
            }
            handles.close(name);
            mover.delete(dir, !MaildirFolders.isInbox(name));
            Path control = folders.controlPath(name);
            if (!control.equals(dir)) {
                mover.delete(control, false);
            }
            Path index = folders.indexPath(name);
            if (index != null && !index.equals(dir) && !index.equals(control)) {
                mover.delete(index, !MaildirFolders.isInbox(name)); // with Dovecot's dovecot.index* there
            }
        } catch (IOException e) {
            throw StorageErrors.io("Cannot delete " + name, e);
        } catch (IllegalArgumentException e) {
            throw StorageErrors.invalidName(e);
        }
    }

    @Override
    public synchronized void rename(String from, String to) throws StorageException {
        try {
            Path src = folders.path(from);
            Path dst = folders.path(to);
            if (!exists(from)) {
                throw StorageErrors.notFound(from);
            }
            if (exists(to)) {
                throw StorageErrors.exists(to);
            }
            handles.close(from);
            boolean inbox = MaildirFolders.isInbox(from);
            Path srcControl = folders.controlPath(from);
            Path dstControl = folders.controlPath(to);
            Path srcIndex = folders.indexPath(from);
            Path dstIndex = folders.indexPath(to);
            mover.rename(src, dst, !inbox);
            if (!srcControl.equals(src)) {
                mover.rename(srcControl, dstControl, !inbox);
            }
            if (srcIndex != null && !srcIndex.equals(src) && !srcIndex.equals(srcControl)
                    && Files.isDirectory(srcIndex)) {
                mover.rename(srcIndex, dstIndex, !inbox);
            }
            if (inbox) {
                markFolder(dst);
                folders.create(from);
                ensureUidList(from);
            }
        } catch (FileAlreadyExistsException e) {
            throw StorageErrors.exists(to);
        } catch (IOException e) {
            throw StorageErrors.io("Cannot rename " + from + " to " + to, e);
        } catch (IllegalArgumentException e) {
            throw StorageErrors.invalidName(e);
        }
    }

    /** INBOX's entries moved into a new Maildir++ folder, which needs the folder marker. */
    private void markFolder(Path dir) throws IOException {
        Path marker = dir.resolve(MaildirFolders.MARKER);
        if (location.layout() != MailLocation.Layout.FS && !Files.exists(marker)) {
            Files.createFile(marker);
        }
    }

    @Override
    public Set<String> subscriptions() throws StorageException {
        try {
            return new LinkedHashSet<>(folders.subscriptions().read());
        } catch (IOException e) {
            throw StorageErrors.io("Cannot read the subscriptions", e);
        }
    }

    @Override
    public synchronized void writeSubscriptions(Set<String> names) throws StorageException {
        try {
            Subscriptions subs = folders.subscriptions();
            Files.createDirectories(subs.file().getParent());
            subs.replace(names);
        } catch (IOException e) {
            throw StorageErrors.io("Cannot write the subscriptions", e);
        } catch (IllegalArgumentException e) {
            throw StorageErrors.invalidName(e);
        }
    }

    @Override
    public synchronized DriverMailbox mailbox(String name) throws StorageException {
        try {
            if (!exists(name)) {
                throw StorageErrors.notFound(name);
            }
            ensureUidList(name);
            MaildirMailbox m = new MaildirMailbox(name, folders.path(name), folders.controlPath(name),
                    folders.indexPath(name), delivery, watcher, () -> changed(name));
            handles.add(m);
            return m;
        } catch (IOException e) {
            throw StorageErrors.io("Cannot open " + name, e);
        } catch (IllegalArgumentException e) {
            throw StorageErrors.invalidName(e);
        }
    }

    @Override
    public synchronized void close() {
        handles.closeAll();
    }
}
