/**
 * Requests: one record per IMAP command, free of wire syntax, plus the value types they share
 * (sequence sets, search keys, fetch attributes, sections). The processors of a later stage
 * switch over the sealed {@link org.loftmail.imap.impl.request.ImapRequest}.
 */
package org.loftmail.imap.impl.request;
