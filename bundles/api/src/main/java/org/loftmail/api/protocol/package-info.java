/**
 * The contract between Loft's network layer and the protocols it serves.
 *
 * <p>A protocol bundle registers a {@link org.loftmail.api.protocol.Protocol} service with the
 * service property {@code protocol=NAME}. The network layer accepts connections on the
 * listeners configured for that name, frames their input into {@link
 * org.loftmail.api.protocol.Command commands} (CRLF lines, optionally carrying IMAP-style
 * literals) and calls one {@link org.loftmail.api.protocol.ProtocolSession} per connection.
 */
@Export
@Version("1.2.0")
package org.loftmail.api.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
