/**
 * The narrow SPI a storage driver implements: it knows only its format (folders, subscriptions,
 * the message list with UIDs, flags and sizes, saving, flag changes, expunge, content). Loft's
 * storage core adds the IMAP semantics on top: UID and MODSEQ rules, sequence views, \Recent,
 * name rules, events and quota hooks.
 *
 * <p>Mailbox names given to a driver are already checked and normalised: never empty, separated
 * by {@code /}, no {@code .} or {@code ..} segment, no control character, not absolute, INBOX
 * spelled {@code INBOX}. The driver maps them to its own layout.
 *
 * <p>Threading: the core serialises all calls on one {@link
 * org.loftmail.api.storage.spi.DriverMailbox} within a JVM except content reads; a driver only guards against other
 * processes (e.g. Dovecot on the same maildir). Drivers throw {@link
 * org.loftmail.api.storage.StorageException} with the matching error.
 */
@Export
@Version("1.1.0")
package org.loftmail.api.storage.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
