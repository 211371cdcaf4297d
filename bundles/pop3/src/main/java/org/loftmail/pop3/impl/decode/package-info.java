/**
 * Decoding: a command line into its keyword and arguments, and the argument rules (message
 * numbers, line counts) with Dovecot's error texts. Nothing here touches storage, auth or the
 * connection.
 */
package org.loftmail.pop3.impl.decode;
