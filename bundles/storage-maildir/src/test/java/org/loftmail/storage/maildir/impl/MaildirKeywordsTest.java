package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaildirKeywordsTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatDovecotWrites() throws IOException {
        Files.writeString(dir.resolve("dovecot-keywords"), "0 kw1\n1 $Junk\n");
        MaildirKeywords k = MaildirKeywords.read(dir);
        assertEquals(Map.of(0, "kw1", 1, "$Junk"), k.all());
        assertEquals(OptionalInt.of(1), k.indexOf("$junk"));
        assertEquals("kw1", k.name(0));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            # file (\\n is a line end)             | what survives
            0 a\\nbroken\\n2 c\\n                    | {0=a, 2=c}
            26 z\\n-1 y\\nx q\\n3 d                   | {3=d}
            0 \\n1 b\\n                              | {1=b}
            """)
    void skipsBrokenLines(String file, String expected) throws IOException {
        Files.writeString(dir.resolve("dovecot-keywords"), file.replace("\\n", "\n"));
        assertEquals(expected, MaildirKeywords.read(dir).all().toString());
    }

    @Test
    void assignsTheFirstFreeLetterAndWritesTheFileAsDovecotDoes() throws IOException {
        Files.writeString(dir.resolve("dovecot-keywords"), "0 kw1\n2 third\n");
        MaildirKeywords k = MaildirKeywords.read(dir);
        assertEquals(OptionalInt.of(1), k.assign("$Label1"));
        assertEquals(OptionalInt.of(0), k.assign("KW1"));
        assertEquals("0 kw1\n1 $Label1\n2 third\n", Files.readString(dir.resolve("dovecot-keywords")));
        assertFalse(Files.exists(dir.resolve("dovecot-keywords.lock")));
    }

    @Test
    void assignSeesWhatAnotherProcessAddedMeanwhile() throws IOException {
        MaildirKeywords mine = MaildirKeywords.read(dir);
        MaildirKeywords theirs = MaildirKeywords.read(dir);
        assertEquals(OptionalInt.of(0), theirs.assign("theirs"));
        assertEquals(OptionalInt.of(1), mine.assign("mine"));
        assertEquals(OptionalInt.of(0), mine.indexOf("theirs"));
    }

    @Test
    void the27thKeywordHasNoLetter() throws IOException {
        MaildirKeywords k = MaildirKeywords.read(dir);
        for (int i = 0; i < 26; i++) {
            assertEquals(OptionalInt.of(i), k.assign("k" + i));
        }
        assertEquals(OptionalInt.empty(), k.assign("one-too-many"));
        assertEquals(26, MaildirKeywords.read(dir).all().size());
    }

    @ParameterizedTest
    @CsvSource({"''", "'two words'", "'tab\there'"})
    void refusesNamesThatAreNotAtoms(String name) throws IOException {
        MaildirKeywords k = MaildirKeywords.read(dir);
        assertThrows(IllegalArgumentException.class, () -> k.assign(name));
    }
}
