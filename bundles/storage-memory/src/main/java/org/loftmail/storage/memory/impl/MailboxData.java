package org.loftmail.storage.memory.impl;

import java.io.ByteArrayOutputStream;
import java.util.TreeMap;
import org.loftmail.api.storage.spi.StoredMessage;

/**
 * The shared content of one in-memory mailbox; every {@link MemoryMailbox} handle on it
 * synchronises on this object. {@code version} counts every change by any handle.
 */
final class MailboxData {

    record Entry(StoredMessage meta, byte[] content) {
    }

    final long uidValidity;
    final TreeMap<Long, Entry> messages = new TreeMap<>();
    long nextUid = 1;
    long version;
    byte[] index;
    /** The core's message cache log; grows by appends, replaced whole by the core. */
    ByteArrayOutputStream cache;

    MailboxData(long uidValidity) {
        this.uidValidity = uidValidity;
    }
}
