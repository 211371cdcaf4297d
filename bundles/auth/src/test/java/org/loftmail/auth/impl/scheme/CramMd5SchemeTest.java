package org.loftmail.auth.impl.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The stored CRAM-MD5 context gives the same HMAC as the JDK computes from the password. */
class CramMd5SchemeTest {

    @Test
    void rfc2195Example() {
        byte[] context = CramMd5Scheme.context("tanstaaftanstaaf");
        byte[] digest = CramMd5Scheme.hmac(context,
                "<1896.697170952@postoffice.reston.mci.net>".getBytes(StandardCharsets.US_ASCII));
        assertEquals("b913a602c7eda7a495b4e6e7334d3890", HexFormat.of().formatHex(digest));
    }

    @Test
    void matchesJdkHmacForLongKeysAndData() throws Exception {
        String password = "x".repeat(80);
        byte[] data = "y".repeat(200).getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.US_ASCII), "HmacMD5"));
        assertEquals(HexFormat.of().formatHex(mac.doFinal(data)),
                HexFormat.of().formatHex(CramMd5Scheme.hmac(CramMd5Scheme.context(password), data)));
    }
}
