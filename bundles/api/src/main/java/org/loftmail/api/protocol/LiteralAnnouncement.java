package org.loftmail.api.protocol;

/**
 * A line ended in a literal marker: {@code {n}} (synchronizing), {@code {n+}} (non-synchronizing,
 * RFC 7888) or {@code ~{n}} (binary, RFC 3516).
 *
 * @param lineSoFar      the command text received so far, including this marker
 * @param size           the announced number of bytes
 * @param synchronizing  true when the client waits for a continuation before sending the data
 * @param binary         true for {@code ~{n}}
 */
public record LiteralAnnouncement(String lineSoFar, long size, boolean synchronizing, boolean binary) {
}
