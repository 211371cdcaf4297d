package org.loftmail.storage.core.impl;

import org.loftmail.api.storage.StorageException;
import org.loftmail.api.storage.spi.DriverMailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the index blob is written, so that a change costs no O(messages) write yet modseqs never
 * repeat after a crash. The first change after a clean write stores the index marked unclean
 * with a reserved ceiling {@link #RESERVE} above the highest modseq; later changes write nothing
 * until the ceiling is reached. {@link #flush()} (last view closed, store closed, before a
 * rename) writes it clean. A load that finds it unclean starts above the ceiling.
 */
final class IndexWriter {

    static final long RESERVE = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(IndexWriter.class);

    private final DriverMailbox driver;
    private final MessageTable table;
    private final String name;
    private boolean unclean;
    private boolean unsaved;
    private long ceiling;

    IndexWriter(DriverMailbox driver, MessageTable table, String name) {
        this.driver = driver;
        this.table = table;
        this.name = name;
    }

    /** The table changed its modseqs. Call with the mailbox lock held. */
    void changed() {
        unsaved = true;
        if (!unclean || table.highestModseq() >= ceiling) {
            long reserved = table.highestModseq() + RESERVE;
            if (write(false, reserved)) {
                ceiling = reserved;
                unclean = true;
            }
        }
    }

    /** Something worth keeping but not modseq-relevant changed (the \Recent watermark). */
    void touched() {
        unsaved = true;
    }

    /** Writes the index clean if anything is unsaved. Call with the mailbox lock held. */
    void flush() {
        if ((unsaved || unclean) && write(true, table.highestModseq())) {
            unsaved = false;
            unclean = false;
        }
    }

    private boolean write(boolean clean, long reserved) {
        try {
            driver.writeIndex(IndexCodec.encode(table.toIndex(clean, reserved)));
            return true;
        } catch (StorageException | RuntimeException e) {
            // storage goes on; a later write carries the whole state again
            LOG.warn("Cannot write the index of {}: {}", name, e.getMessage(), e);
            return false;
        }
    }
}
