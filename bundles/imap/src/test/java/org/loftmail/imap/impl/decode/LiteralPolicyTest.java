package org.loftmail.imap.impl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loftmail.api.protocol.LiteralAnnouncement;

/** Which announced literals are taken, and the answer to those that are not. */
class LiteralPolicyTest {

    private static final LiteralPolicy PLUS = new LiteralPolicy(65536, 50_000_000, false);
    private static final LiteralPolicy MINUS = new LiteralPolicy(65536, 50_000_000, true);

    static Stream<Arguments> decisions() {
        return Stream.of(
                Arguments.of(PLUS, new LiteralAnnouncement("a1 LOGIN {4}", 4, true, false), null),
                Arguments.of(PLUS, new LiteralAnnouncement("a1 LOGIN {70000}", 70000, true, false),
                        "a1 BAD Literal too large for a string argument"),
                Arguments.of(PLUS, new LiteralAnnouncement("A003 APPEND saved-messages (\\Seen) {310}", 310, true, false), null),
                Arguments.of(PLUS, new LiteralAnnouncement("A003 append INBOX {40000000+}", 40_000_000, false, false), null),
                Arguments.of(PLUS, new LiteralAnnouncement("A003 APPEND INBOX ~{60000000}", 60_000_000, true, true),
                        "A003 NO [TOOBIG] Message larger than APPENDLIMIT 50000000"),
                Arguments.of(PLUS, new LiteralAnnouncement("a SEARCH TEXT ~{5}", 5, true, true),
                        "a BAD Binary literal only allowed in APPEND"),
                Arguments.of(MINUS, new LiteralAnnouncement("A003 APPEND INBOX {5000+}", 5000, false, false),
                        "A003 BAD Non-synchronizing literal larger than 4096 bytes (LITERAL-)"),
                Arguments.of(MINUS, new LiteralAnnouncement("A003 APPEND INBOX {4096+}", 4096, false, false), null),
                Arguments.of(PLUS, new LiteralAnnouncement("{5}", 5, true, false), null));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("decisions")
    void decides(LiteralPolicy policy, LiteralAnnouncement announcement, String refusal) {
        LiteralPolicy.Verdict verdict = policy.decide(announcement);
        assertEquals(refusal == null, verdict.accepted());
        assertEquals(refusal, verdict.response());
    }
}
