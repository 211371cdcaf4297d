/**
 * Typed mailbox events and the whiteboard listener that receives them (IMAP IDLE, FTS indexing,
 * antispam training, quota accounting).
 */
@Export
@Version("1.0.0")
package org.loftmail.api.storage.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
