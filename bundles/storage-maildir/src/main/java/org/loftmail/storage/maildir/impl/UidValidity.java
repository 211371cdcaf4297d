package org.loftmail.storage.maildir.impl;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** New UIDVALIDITY values and mailbox GUIDs for a uidlist created by Loft. */
final class UidValidity {
    private static final SecureRandom RANDOM = new SecureRandom();

    private UidValidity() {
    }

    static void initHeader(Map<Character, String> header) {
        header.putIfAbsent('V', Long.toString(Instant.now().getEpochSecond() & 0xFFFF_FFFFL));
        header.putIfAbsent('G', newGuid());
    }

    /** 128 random bits as 32 lower-case hex digits, the form of Dovecot's mailbox GUID. */
    static String newGuid() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
