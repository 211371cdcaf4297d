package org.loftmail.storage.core.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.spi.DriverStore;
import org.loftmail.api.storage.spi.StorageDriver;

/** A store outlives its last session for a while, so a reconnecting client finds it loaded. */
class StoreRegistryTest {

    private final List<String> calls = new ArrayList<>();

    /** A driver whose stores hold only INBOX and record opening and closing. */
    private final StorageDriver driver = (user, location) -> {
        calls.add("open " + user);
        return (DriverStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DriverStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "mailboxes" -> List.of("INBOX");
                    case "close" -> {
                        calls.add("close " + user);
                        yield null;
                    }
                    default -> null;
                });
    };

    private SharedStore acquire(StoreRegistry r, String user) throws Exception {
        return r.acquire("memory", driver, user, "", n -> n, e -> { });
    }

    @Test
    void aReconnectWithinTheLingerTimeGetsTheSameStoreAndItClosesAfterIt() throws Exception {
        StoreRegistry r = new StoreRegistry(Duration.ofMillis(200), 10);
        SharedStore first = acquire(r, "ann");
        r.release(first);
        assertSame(first, acquire(r, "ann"), "still open");
        r.release(first);
        assertEquals(List.of("open ann"), calls);
        for (int i = 0; i < 100 && !calls.contains("close ann"); i++) {
            Thread.sleep(20);
        }
        assertEquals(List.of("open ann", "close ann"), calls, "closed once the linger time passed");
        assertNotSame(first, acquire(r, "ann"));
        r.closeAll();
    }

    @Test
    void beyondTheIdleLimitTheOldestIdleStoreClosesAtOnce() throws Exception {
        StoreRegistry r = new StoreRegistry(Duration.ofMinutes(5), 2);
        for (String user : List.of("ann", "bob", "cy")) {
            r.release(acquire(r, user));
        }
        assertEquals(List.of("open ann", "open bob", "open cy", "close ann"), calls);
        r.closeAll();
        assertEquals(java.util.Set.of("close bob", "close cy"), java.util.Set.copyOf(calls.subList(4, calls.size())));
    }

    @Test
    void withoutLingerTheLastReleaseCloses() throws Exception {
        StoreRegistry r = new StoreRegistry(Duration.ZERO, 10);
        SharedStore s = acquire(r, "ann");
        SharedStore again = acquire(r, "ann");
        r.release(s);
        assertEquals(List.of("open ann"), calls, "one session left");
        r.release(again);
        assertEquals(List.of("open ann", "close ann"), calls);
    }
}
