/**
 * Reading the values of {@code org.loftmail.settings} (docs/configadmin.md): Dovecot's value
 * syntax for sizes, times and booleans, parsed one way for every bundle.
 */
@Export
@Version("1.0.0")
package org.loftmail.api.settings;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
