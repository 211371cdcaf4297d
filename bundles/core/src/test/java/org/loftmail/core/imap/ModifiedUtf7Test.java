package org.loftmail.core.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModifiedUtf7Test {

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource(delimiter = '|', value = {
        // RFC 3501 section 5.1.3 examples
        "~peter/mail/台北/日本語 | ~peter/mail/&U,BTFw-/&ZeVnLIqe-",
        "Hi Mom -☺-! | Hi Mom -&Jjo--!",
        "日本語 | &ZeVnLIqe-",
        "台北日本語 | &U,BTF2XlZyyKng-",
        // ampersand, plain ASCII, non-BMP, Latin-1
        "Tom & Jerry | Tom &- Jerry",
        "&& | &-&-",
        "INBOX.Sent Items | INBOX.Sent Items",
        "Entwürfe | Entw&APw-rfe",
        "😀 | &2D3eAA-",
        "a~b | a~b",
    })
    void encodesAndDecodes(String name, String wire) {
        assertEquals(wire, ModifiedUtf7.encode(name));
        assertEquals(name, ModifiedUtf7.decode(wire));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "&U,BTFw-&ZeVnLIqe- | adjacent",      // RFC: must be one run
        "&Jjo | closing",                    // no terminating '-'
        "Tom & Jerry | closing",             // bare '&'
        "&Jj*- | not modified BASE64",       // invalid char
        "&Jjo/- | not modified BASE64",      // '/' is ',' in IMAP
        "&AGE- | must not be encoded",       // 'a' encoded
        "&ACY- | must not be encoded",       // '&' encoded instead of &-
        "&Jj- | UTF-16 unit",                // 12 bits
        "&Jjp- | padding bits",              // non-zero leftover bits
        "&2D0- | surrogate",                 // lone high surrogate
        "é | printable US-ASCII",            // raw 8-bit
    })
    void rejectsInvalid(String wire, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode(wire));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tab\there", "new\nline"})
    void encodesControlCharacters(String name) {
        String wire = ModifiedUtf7.encode(name);
        assertTrue(wire.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), wire);
        assertEquals(name, ModifiedUtf7.decode(wire));
    }

    @org.junit.jupiter.api.Test
    void rejectsUnpairedSurrogateOnEncode() {
        assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.encode("x\ud83d"));
    }
}
