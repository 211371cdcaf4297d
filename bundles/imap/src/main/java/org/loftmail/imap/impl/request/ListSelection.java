package org.loftmail.imap.impl.request;

/** LIST selection options (RFC 5258 3.1, RFC 6154 5.1). */
public enum ListSelection {
    SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL_USE
}
