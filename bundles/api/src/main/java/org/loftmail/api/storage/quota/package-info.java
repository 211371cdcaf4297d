/**
 * The hook storage consults before it adds messages, so a quota plug-in can refuse them. Storage
 * has no quota logic of its own.
 */
@Export
@Version("1.1.0")
package org.loftmail.api.storage.quota;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
