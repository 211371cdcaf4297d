/** POP3 sessions: decode, process, encode; private to the bundle. */
package org.loftmail.pop3.impl;
