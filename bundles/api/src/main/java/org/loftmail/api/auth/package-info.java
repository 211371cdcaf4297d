/**
 * Authentication: what protocols call to log users in and look users up, and the SPI that
 * passdb/userdb drivers implement.
 *
 * <p>Protocols use {@link org.loftmail.api.auth.AuthService}: a SASL exchange ({@link
 * org.loftmail.api.auth.SaslExchange}) or a plain user and password, given the facts of the
 * connection ({@link org.loftmail.api.auth.ClientInfo}), and get an {@link
 * org.loftmail.api.auth.AuthResult}. LMTP and admin tools use {@link
 * org.loftmail.api.auth.AuthService#lookupUser}.
 *
 * <p>Drivers register an {@link org.loftmail.api.auth.AuthDriver} service with the service
 * property {@code driver=NAME} (the {@code driver =} of a {@code passdb { }} or {@code userdb { }}
 * block); the auth service opens one {@link org.loftmail.api.auth.AuthDb} per block.
 */
@Export
@Version("1.0.0")
package org.loftmail.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
