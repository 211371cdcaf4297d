/**
 * MIME structure for IMAP: {@link org.loftmail.core.mime.MessageStructure} turns message
 * octets into ENVELOPE, BODY and BODYSTRUCTURE wire text, matching Dovecot 2.3.
 */
@Export
@Version("1.0.0")
package org.loftmail.core.mime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
