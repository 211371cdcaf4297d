package org.loftmail.net.impl;

import java.nio.ByteBuffer;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.loftmail.net.impl.proxy.ProxyHeader;
import org.loftmail.net.impl.proxy.ProxyHeaderException;
import org.loftmail.net.impl.proxy.ProxyHeaderParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First filter of a {@code haproxy = yes} listener (before the SslFilter): reads the PROXY
 * header, fires a {@link ProxyHeaderEvent} and passes the bytes after it on. A connection whose
 * input is not a valid header is closed. Stateless: one instance serves all sessions.
 */
final class ProxyProtocolFilter extends IoFilterAdapter {

    static final String NAME = "proxy";

    private static final Logger LOG = LoggerFactory.getLogger(ProxyProtocolFilter.class);
    private static final AttributeKey PARSER = new AttributeKey(ProxyProtocolFilter.class, "parser");
    static final AttributeKey HEADER = new AttributeKey(ProxyProtocolFilter.class, "header");

    private final String listenerName;

    ProxyProtocolFilter(String listenerName) {
        this.listenerName = listenerName;
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        if (session.containsAttribute(HEADER) || !(message instanceof IoBuffer buffer)) {
            next.messageReceived(session, message);
            return;
        }
        if (session.isClosing()) {
            return;
        }
        ProxyHeaderParser parser = (ProxyHeaderParser) session.getAttribute(PARSER);
        if (parser == null) {
            parser = new ProxyHeaderParser();
            session.setAttribute(PARSER, parser);
        }
        ByteBuffer in = buffer.buf();
        ProxyHeader header;
        try {
            header = parser.feed(in);
        } catch (ProxyHeaderException e) {
            LOG.warn("closing connection from {} on listener {}: invalid PROXY protocol header: {}",
                    Addresses.format(session.getRemoteAddress()), listenerName, e.getMessage());
            session.removeAttribute(PARSER);
            session.closeNow();
            return;
        }
        if (header == null) {
            return;
        }
        session.removeAttribute(PARSER);
        session.setAttribute(HEADER, header);
        LOG.debug("connection from {} on listener {}: PROXY v{} header, client {}",
                Addresses.format(session.getRemoteAddress()), listenerName, header.version(),
                header.proxied() ? Addresses.format(header.source()) : "(local)");
        next.event(session, new ProxyHeaderEvent(header));
        if (in.hasRemaining()) {
            byte[] rest = new byte[in.remaining()];
            in.get(rest);
            next.messageReceived(session, IoBuffer.wrap(rest));
        }
    }
}
