package org.loftmail.core.imap;

/** SORT criteria keys of RFC 5256 section 3 and SORT=DISPLAY (RFC 5957). */
public enum SortKey {
    ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM, DISPLAYTO
}
