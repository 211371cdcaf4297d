package org.loftmail.auth.impl.var;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loftmail.api.auth.ClientInfo;

class VarExpanderTest {

    private static final ClientInfo CLIENT;

    static {
        try {
            CLIENT = new ClientInfo("imap", InetAddress.getByName("203.0.113.5"), InetAddress.getByName("192.0.2.1"),
                    true, false, "sess1");
        } catch (java.net.UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%u|Bob.Smith@Example.com",
        "%Lu|bob.smith@example.com",
        "%Uu|BOB.SMITH@EXAMPLE.COM",
        "%n|Bob.Smith",
        "%Ln|bob.smith",
        "%d|Example.com",
        "%Ld|example.com",
        "/var/mail/vhosts/%Ld/%Ln/|/var/mail/vhosts/example.com/bob.smith/",
        "%s %r %l %c|imap 203.0.113.5 192.0.2.1 secured",
        "%{user} %{username} %{domain} %{service} %{rip} %{lip} %{session}|Bob.Smith@Example.com Bob.Smith Example.com imap 203.0.113.5 192.0.2.1 sess1",
        "%1Ln/%Ln|b/bob.smith",
        "%2.3n|b.S",
        "%-5.5n|Smith",
        "100%%|100%",
        "%{home}/Maildir|/home/x/Maildir",
        "%{unknown}x|x",
        "trailing %|trailing %",
    })
    void expands(String template, String expected) {
        assertEquals(expected, RequestVars.of("Bob.Smith@Example.com", CLIENT, Map.of("home", "/home/x")).expand(template));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"SELECT '%u'|SELECT 'o''brien'", "%n-%d|o''brien-"})
    void escapesOnlySubstitutedValues(String template, String expected) {
        assertEquals(expected, RequestVars.of("o'brien", CLIENT, Map.of()).expand(template, v -> v.replace("'", "''")));
    }
}
