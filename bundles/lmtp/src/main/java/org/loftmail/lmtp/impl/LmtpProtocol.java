package org.loftmail.lmtp.impl;

import java.util.Map;
import org.loftmail.api.delivery.DeliveryService;
import org.loftmail.api.protocol.Connection;
import org.loftmail.api.protocol.Framing;
import org.loftmail.api.protocol.Protocol;
import org.loftmail.api.protocol.ProtocolSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The lmtp protocol, served on the listeners of {@code service lmtp} (the Unix socket Postfix
 * uses, or a TCP port), delivering through the {@link DeliveryService}.
 */
@Component(service = Protocol.class, property = Protocol.PROTOCOL + "=lmtp",
        configurationPid = "org.loftmail.settings", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class LmtpProtocol implements Protocol {

    /** DATA lines may be long (8BITMIME, no 998-octet rule enforced by LMTP clients). */
    private static final int MAX_LINE = 1 << 20;

    private final DeliveryService delivery;
    private volatile LmtpSettings settings;

    @Activate
    public LmtpProtocol(@Reference DeliveryService delivery, Map<String, Object> props) {
        this.delivery = delivery;
        configure(props);
    }

    @Modified
    void configure(Map<String, Object> props) {
        settings = LmtpSettings.of(props);
    }

    @Override
    public Framing framing() {
        return Framing.linesWithChunks(MAX_LINE);
    }

    @Override
    public ProtocolSession open(Connection connection) {
        return new LmtpSession(connection, delivery, settings);
    }
}
