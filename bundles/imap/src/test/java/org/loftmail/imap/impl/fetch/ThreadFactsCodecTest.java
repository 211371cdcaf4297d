package org.loftmail.imap.impl.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loftmail.core.imap.ThreadFacts;

class ThreadFactsCodecTest {

    @Test
    void factsComeBackAsTheyWent() {
        for (ThreadFacts f : List.of(
                ThreadFacts.of("Re: [list] Grüße", "<a@x>", "<b@x>", "<c@x> <d@x>"),
                ThreadFacts.of(null, null, null, null),
                new ThreadFacts("a@x", List.of(), "", false))) {
            ThreadFactsCodec.Dated d = new ThreadFactsCodec.Dated(1_700_000_000L, f);
            assertEquals(Optional.of(d), ThreadFactsCodec.decode(ThreadFactsCodec.encode(d)));
        }
    }

    @Test
    void damagedOctetsAreNoFacts() {
        byte[] good = ThreadFactsCodec.encode(
                new ThreadFactsCodec.Dated(-1, ThreadFacts.of("Re: hello", "<a@x>", null, "<c@x>")));
        for (int cut = 0; cut < good.length; cut++) {
            assertTrue(ThreadFactsCodec.decode(Arrays.copyOf(good, cut)).isEmpty(), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertTrue(ThreadFactsCodec.decode(longer).isEmpty());
        byte[] badCount = good.clone();
        badCount[good.length - 1] = 7; // the reply flag is 0 or 1
        assertTrue(ThreadFactsCodec.decode(badCount).isEmpty());
    }
}
