package org.loftmail.imap.impl.request;

/** {@code ["REVERSE" SP] sort-key}. */
public record SortCriterion(SortKey key, boolean reverse) {
}
