/**
 * Local delivery: what LMTP and the {@code deliver} command call to put a message into a user's
 * mailboxes, and the delivery filters (Sieve, spam checks) that decide where it goes.
 *
 * <p>The {@link org.loftmail.api.delivery.DeliveryService} looks recipients up in the userdb
 * (with {@code recipient_delimiter} and {@code auth_username_format}), asks the
 * {@link org.loftmail.api.delivery.DeliveryFilter} services in service-ranking order (highest
 * first) where the message goes, and stores it through the storage API, durably, before it
 * returns. With no filter installed a message goes to INBOX.
 */
@Export
@Version("1.0.0")
package org.loftmail.api.delivery;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
