/**
 * IMAP helpers protocols call directly: {@link org.loftmail.core.imap.ModifiedUtf7} mailbox
 * names, RFC 5256 {@link org.loftmail.core.imap.BaseSubject base subjects}, THREAD
 * ({@link org.loftmail.core.imap.Threader}) and SORT ({@link org.loftmail.core.imap.SortKey}).
 */
@Export
@Version("1.0.0")
package org.loftmail.core.imap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
