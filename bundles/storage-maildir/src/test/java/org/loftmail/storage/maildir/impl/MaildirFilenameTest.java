package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** File names as Dovecot 2.3 writes them (taken from a real Dovecot maildir). */
class MaildirFilenameTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # file name                                           | base                                    | size | vsize | flags   | keywords
            1795674716.M94925P18659.vm,S=28,W=32                  | 1795674716.M94925P18659.vm,S=28,W=32    | 28   | 32    | ''      | ''
            1795674716.M94925P18659.vm,S=28,W=32:2,FSab           | 1795674716.M94925P18659.vm,S=28,W=32    | 28   | 32    | FLAGGED SEEN | 0 1
            1795674716.M94925P18659.vm,S=28,W=32:2,               | 1795674716.M94925P18659.vm,S=28,W=32    | 28   | 32    | ''      | ''
            1035478339.27041_118.foo.org:2,DFPRST                 | 1035478339.27041_118.foo.org            | -    | -     | DRAFT FLAGGED PASSED REPLIED SEEN TRASHED | ''
            1700000000.M1P2Q3.host,S=100:2,Sz                     | 1700000000.M1P2Q3.host,S=100            | 100  | -     | SEEN    | 25
            1700000000.M1P2.host,W=12,S=10:2,RS                   | 1700000000.M1P2.host,W=12,S=10          | 10   | 12    | REPLIED SEEN | ''
            1700000000.M1P2.host,S=bad                            | 1700000000.M1P2.host,S=bad              | -    | -     | ''      | ''
            """)
    void parses(String fileName, String base, Long size, Long vsize, String flags, String keywords) {
        MaildirFilename name = MaildirFilename.parse(fileName);
        assertEquals(base, name.base());
        assertEquals(size == null ? OptionalLong.empty() : OptionalLong.of(size), name.size());
        assertEquals(vsize == null ? OptionalLong.empty() : OptionalLong.of(vsize), name.vsize());
        assertEquals(flagSet(flags), name.flags());
        assertEquals(intSet(keywords), name.keywords());
        assertEquals(fileName, name.fileName());
    }

    @ParameterizedTest(name = "[{1}] [{2}] -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # base           | flags              | keywords | file name
            b,S=1            | ''                 | ''       | b,S=1:2,
            b,S=1            | SEEN FLAGGED       | 1 0      | b,S=1:2,FSab
            b,S=1            | TRASHED DRAFT      | 25       | b,S=1:2,DTz
            b,S=1            | REPLIED            | ''       | b,S=1:2,R
            """)
    void builds(String base, String flags, String keywords, String expected) {
        assertEquals(expected, MaildirFilename.of(base, flagSet(flags), intSet(keywords)).fileName());
    }

    @Test
    void changingFlagsKeepsTheBaseAndLettersItDoesNotKnow() {
        MaildirFilename name = MaildirFilename.parse("b,S=1:2,SXa");
        MaildirFilename changed = name.withFlags(EnumSet.of(MaildirFlag.FLAGGED), Set.of(2));
        assertEquals("b,S=1:2,FXc", changed.fileName());
        assertEquals(name.base(), changed.base());
    }

    @ParameterizedTest
    @CsvSource({"''", ".hidden", "a/b"})
    void refusesNonMessageNames(String base) {
        assertThrows(IllegalArgumentException.class, () -> new MaildirFilename(base, null));
    }

    @Test
    void keywordIndexWithoutLetterIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> MaildirFilename.of("b", Set.of(), Set.of(26)));
    }

    @Test
    void uniqueNamesFollowDovecotsPattern() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1795674716, 94_925_000), ZoneOffset.UTC);
        UniqueNames names = new UniqueNames(clock, 18659, "mx/1:a");
        assertEquals("1795674716.M94925P18659Q1.mx\\0571\\072a", names.next());
        assertEquals("1795674716.M94925P18659Q2.mx\\0571\\072a,S=28,W=32", names.next(28, 32));
    }

    @Test
    void uniqueNamesDoNotRepeatEvenWithinOneMicrosecond() {
        UniqueNames names = new UniqueNames(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), 1, "h");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(names.next()));
        }
        assertNotEquals(names.next(), names.next());
    }

    @ParameterizedTest
    @CsvSource({"\\Seen, SEEN", "\\Answered, REPLIED", "\\Deleted, TRASHED", "\\Draft, DRAFT", "\\Flagged, FLAGGED"})
    void imapNames(String imap, MaildirFlag flag) {
        assertEquals(flag, MaildirFlag.ofImap(imap).orElseThrow());
        assertEquals(imap, flag.imap().orElseThrow());
    }

    static Set<MaildirFlag> flagSet(String names) {
        Set<MaildirFlag> set = EnumSet.noneOf(MaildirFlag.class);
        for (String n : names.trim().split(" +")) {
            if (!n.isEmpty()) {
                set.add(MaildirFlag.valueOf(n));
            }
        }
        return set;
    }

    static Set<Integer> intSet(String numbers) {
        Set<Integer> set = new java.util.TreeSet<>();
        for (String n : numbers.trim().split(" +")) {
            if (!n.isEmpty()) {
                set.add(Integer.parseInt(n));
            }
        }
        return set;
    }
}
