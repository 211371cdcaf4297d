package org.loftmail.imap.impl.session;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.loftmail.api.storage.Flags;
import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.loftmail.api.storage.spi.DriverStore;
import org.loftmail.api.storage.spi.SaveRequest;
import org.loftmail.api.storage.spi.StorageDriver;
import org.loftmail.api.storage.spi.StoredMessage;

/** A storage driver passing everything to another one and counting the message contents opened. */
final class ReadCountingDriver implements StorageDriver {

    final AtomicInteger opens = new AtomicInteger();
    private final StorageDriver driver;

    ReadCountingDriver(StorageDriver driver) {
        this.driver = driver;
    }

    @Override
    public DriverStore open(String user, String location) throws StorageException {
        DriverStore store = driver.open(user, location);
        return new DriverStore() {
            @Override
            public List<String> mailboxes() throws StorageException {
                return store.mailboxes();
            }

            @Override
            public void create(String name) throws StorageException {
                store.create(name);
            }

            @Override
            public void delete(String name) throws StorageException {
                store.delete(name);
            }

            @Override
            public void rename(String from, String to) throws StorageException {
                store.rename(from, to);
            }

            @Override
            public Set<String> subscriptions() throws StorageException {
                return store.subscriptions();
            }

            @Override
            public void writeSubscriptions(Set<String> names) throws StorageException {
                store.writeSubscriptions(names);
            }

            @Override
            public DriverMailbox mailbox(String name) throws StorageException {
                return new Counting(store.mailbox(name));
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }

    private final class Counting implements DriverMailbox {
        private final DriverMailbox mailbox;

        Counting(DriverMailbox mailbox) {
            this.mailbox = mailbox;
        }

        @Override
        public InputStream open(long uid, long offset) throws StorageException, IOException {
            opens.incrementAndGet();
            return mailbox.open(uid, offset);
        }

        @Override
        public long uidValidity() {
            return mailbox.uidValidity();
        }

        @Override
        public long nextUid() throws StorageException {
            return mailbox.nextUid();
        }

        @Override
        public long revision() throws StorageException {
            return mailbox.revision();
        }

        @Override
        public List<StoredMessage> messages() throws StorageException {
            return mailbox.messages();
        }

        @Override
        public StoredMessage save(InputStream content, SaveRequest request) throws StorageException {
            return mailbox.save(content, request);
        }

        @Override
        public void setFlags(Map<Long, Flags> flags) throws StorageException {
            mailbox.setFlags(flags);
        }

        @Override
        public void expunge(Collection<Long> uids) throws StorageException {
            mailbox.expunge(uids);
        }

        @Override
        public byte[] readIndex() throws StorageException {
            return mailbox.readIndex();
        }

        @Override
        public void writeIndex(byte[] index) throws StorageException {
            mailbox.writeIndex(index);
        }

        @Override
        public InputStream readCache() throws StorageException {
            return mailbox.readCache();
        }

        @Override
        public void appendCache(byte[] records) throws StorageException {
            mailbox.appendCache(records);
        }

        @Override
        public void writeCache(byte[] log) throws StorageException {
            mailbox.writeCache(log);
        }

        @Override
        public void onExternalChange(Runnable listener) {
            mailbox.onExternalChange(listener);
        }
    }
}
