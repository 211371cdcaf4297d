package org.loftmail.core.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loftmail.core.testing.DovecotOracle;

/**
 * Modified UTF-7 both ways against {@code doveadm mailbox mutf7} of Dovecot 2.3. One known,
 * deliberate difference: Dovecot accepts non-zero padding bits ({@code &Jjp-}), we reject them
 * so that every name has one encoding (see {@link ModifiedUtf7Test}).
 */
class DovecotModifiedUtf7GoldenTest {
    private static DovecotOracle dovecot;

    @BeforeAll
    static void start() throws IOException {
        dovecot = new DovecotOracle();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        dovecot.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"~peter/mail/台北/日本語", "Tom & Jerry", "&&&", "😀 smile", "Entwürfe",
        "Gelöschte Elemente", "Корзина", "已发送", "INBOX.Sent", "a&b&c", "ÿ€", "~!@#$%^*()_+{}|:<>?`-=[];',./",
        "\u00e9\u0301", "𝄞 music", "end &"})
    void encodesLikeDovecot(String name) throws IOException {
        String wire = dovecot.mutf7(name, false);
        assertEquals(wire, ModifiedUtf7.encode(name));
        assertEquals(name, dovecot.mutf7(wire, true));
        assertEquals(name, ModifiedUtf7.decode(wire));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"&U,BTFw-&ZeVnLIqe-", "&Jjo", "&AGE-", "&ACY-", "&Jj*-", "&2D0-", "a&b"})
    void rejectsWhatDovecotRejects(String wire) throws IOException {
        assertNull(dovecot.mutf7(wire, true), "Dovecot accepts " + wire);
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode(wire));
    }
}
