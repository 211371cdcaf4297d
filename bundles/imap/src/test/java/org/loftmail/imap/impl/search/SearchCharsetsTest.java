package org.loftmail.imap.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CHARSET names for SEARCH and the BADCHARSET list. */
class SearchCharsetsTest {

    @Test
    void absentCharsetIsUtf8() {
        assertTrue(SearchCharsets.supported(null));
    }

    @Test
    void anyCharsetJavaKnows() {
        for (String cs : List.of("UTF-8", "utf-8", "US-ASCII", "ISO-8859-1", "ISO-8859-15", "windows-1252",
                "Shift_JIS", "EUC-KR", "GB2312", "KOI8-R", "UTF-16")) {
            assertTrue(SearchCharsets.supported(cs), cs);
        }
    }

    @Test
    void unknownOrIllegalNames() {
        for (String cs : List.of("X-UNKNOWN", "UTF-9", "", "not a name", "\u00e4")) {
            assertFalse(SearchCharsets.supported(cs), cs);
        }
    }

    @Test
    void badCharsetListsUtf8First() {
        assertEquals(List.of("UTF-8", "US-ASCII"), SearchCharsets.ADVERTISED);
    }
}
