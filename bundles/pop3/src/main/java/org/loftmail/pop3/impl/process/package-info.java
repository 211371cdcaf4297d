/**
 * Processing: one class per command family (authorization, session, maildrop listing, message
 * retrieval) and the dispatch that checks the state.
 */
package org.loftmail.pop3.impl.process;
