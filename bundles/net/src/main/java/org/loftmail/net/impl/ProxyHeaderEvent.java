package org.loftmail.net.impl;

import org.apache.mina.filter.FilterEvent;
import org.loftmail.net.impl.proxy.ProxyHeader;

/** Fired down the MINA chain when the PROXY header of a connection was read. */
record ProxyHeaderEvent(ProxyHeader header) implements FilterEvent {
}
