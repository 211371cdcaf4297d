/**
 * Encoding: status lines, multi-line responses and message data with CRLF line ends and
 * byte-stuffing (RFC 1939 section 3), buffered towards the connection.
 */
package org.loftmail.pop3.impl.encode;
