/**
 * Encoding: {@link org.loftmail.imap.impl.encode.ResponseWriter} for response syntax (spacing,
 * quoted-or-literal strings, streamed literals) and the encoders for status responses, response
 * codes, untagged data and FETCH items on top of it. Values come in ready to write; ENVELOPE,
 * BODYSTRUCTURE and THREAD lists are formatted elsewhere and passed through.
 */
package org.loftmail.imap.impl.encode;
