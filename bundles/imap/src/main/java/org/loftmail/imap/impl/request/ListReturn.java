package org.loftmail.imap.impl.request;

/** LIST return options other than STATUS (RFC 5258 3.2, RFC 6154 5.1). */
public enum ListReturn {
    SUBSCRIBED, CHILDREN, SPECIAL_USE
}
