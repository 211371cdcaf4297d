package org.loftmail.core.mime.impl;

/**
 * One IMAP address structure. A group start has only {@code mailbox} (the group name), a group
 * end has all four null.
 */
record Address(String name, String route, String mailbox, String domain) { }
