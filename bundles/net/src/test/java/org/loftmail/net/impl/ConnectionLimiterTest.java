package org.loftmail.net.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {

    @Test
    void limitsAndRelease() throws Exception {
        ConnectionLimiter l = new ConnectionLimiter("imap-login");
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        ConnectionLimiter.Permit p1 = l.tryAcquire(a, "192.0.2.1", 3, 2).permit();
        assertNotNull(p1);
        assertNotNull(l.tryAcquire(a, "192.0.2.1", 3, 2).permit());
        ConnectionLimiter.Decision refused = l.tryAcquire(a, "192.0.2.1", 3, 2);
        assertNull(refused.permit());
        assertEquals("connection from 192.0.2.1 refused: 2 connections from this address (limit 2)", refused.refusal());
        assertNotNull(l.tryAcquire(b, "192.0.2.2", 3, 2).permit());
        assertEquals("connection from 192.0.2.2 refused: 3 connections to service imap-login (client_limit 3)",
                l.tryAcquire(b, "192.0.2.2", 3, 2).refusal());
        p1.release();
        p1.release(); // idempotent
        assertEquals(2, l.total());
        assertEquals(1, l.count(a));
        assertNotNull(l.tryAcquire(null, "unix", 3, 2).permit(), "unix sockets count only in the total");
        assertSame(ConnectionLimiter.forService("x"), ConnectionLimiter.forService("x"));
    }
}
