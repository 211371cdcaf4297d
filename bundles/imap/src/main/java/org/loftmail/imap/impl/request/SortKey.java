package org.loftmail.imap.impl.request;

/** {@code sort-key} (RFC 5256 3, DISPLAYFROM/DISPLAYTO of RFC 5957). */
public enum SortKey {
    ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM, DISPLAYTO
}
