/**
 * Administration commands ({@code loftadm quota get USER}, like {@code doveadm}): bundles register
 * {@link org.loftmail.api.admin.AdminCommand} services; the admin bundle runs them for the
 * {@code loftadm} tool on the {@code doveadm-server} Unix socket of the running server.
 */
@Export
@Version("1.0.0")
package org.loftmail.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
