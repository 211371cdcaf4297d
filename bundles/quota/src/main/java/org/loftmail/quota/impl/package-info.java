/** Quota rules, backends and the storage hook; private to the bundle. */
package org.loftmail.quota.impl;
