/** LMTP sessions and the delivery service; private to the bundle. */
package org.loftmail.lmtp.impl;
