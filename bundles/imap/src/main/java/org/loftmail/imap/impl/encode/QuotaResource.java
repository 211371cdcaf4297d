package org.loftmail.imap.impl.encode;

/**
 * One resource of a QUOTA response (RFC 9208 5.1): {@code STORAGE} in KiB, {@code MESSAGE} as a
 * count.
 */
public record QuotaResource(String name, long usage, long limit) {
}
