package org.loftmail.core.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loftmail.core.testing.DovecotOracle;

/**
 * THREAD and SORT against a real Dovecot 2.3 ({@code imap} run pre-authenticated) over the
 * same mailbox: replies with and without References, missing parents, a reference loop,
 * duplicate Message-IDs, subject-only replies, encoded-word subjects, equal dates.
 */
class DovecotThreadSortGoldenTest {
    /** date, subject, Message-ID, In-Reply-To, References, From, To, Cc. */
    private static final String[][] BOX = {
        {"Mon, 1 Jan 2024 10:00:00 +0000", "Plan", "<1@x>", null, null, "Zed <zed@x>", "amy@x", null},
        {"Mon, 1 Jan 2024 11:00:00 +0000", "Re: Plan", "<2@x>", null, "<1@x>", "bob@x", "Amy <amy@x>", "c@x"},
        {"Mon, 1 Jan 2024 12:00:00 +0000", "Re: Re: Plan", "<3@x>", null, "<1@x> <2@x>", "amy@x", "bob@x", null},
        {"Mon, 1 Jan 2024 09:00:00 -0300", "RE: plan", "<4@x>", "<1@x>", null, "=?utf-8?q?=C3=89mile?= <emile@x>", "zed@x", "B@x"},
        {"Tue, 2 Jan 2024 08:00:00 +0000", "Lunch", "<5@x>", "<missing@x>", null, "carl@x", "team@x", null},
        {"Tue, 2 Jan 2024 08:30:00 +0000", "Re: Lunch", "<6@x>", "<missing@x>", null, "dana@x", "team@x", null},
        {"Tue, 2 Jan 2024 09:00:00 +0000", "Re: Plan", null, null, null, "eve@x", "amy@x", null},
        {"Sun, 31 Dec 2023 23:00:00 +0000", "Solo", "<8@x>", null, null, "\"Fay\" <fay@x>", "g@x", "a@x"},
        {"Wed, 3 Jan 2024 10:00:00 +0000", "loop a", "<a@x>", null, "<b@x>", "h@x", "i@x", null},
        {"Wed, 3 Jan 2024 10:00:00 +0000", "loop b", "<b@x>", null, "<a@x>", "i@x", "h@x", null},
        {"Thu, 4 Jan 2024 10:00:00 +0000", "Same", "<dup@x>", null, null, "j@x", "k@x", null},
        {"Thu, 4 Jan 2024 10:00:00 +0000", "Same", "<dup@x>", null, null, "k@x", "j@x", null},
        {"Thu, 4 Jan 2024 11:00:00 +0000", "Fwd: Same", "<13@x>", null, "<dup@x>", "l@x", "m@x", null},
        {"Fri, 5 Jan 2024 10:00:00 +0000", "[list] Re: [list] Weekly (fwd)", "<14@x>", null, "<w0@x>", "n@x", "o@x", null},
        {"Fri, 5 Jan 2024 09:00:00 +0000", "Weekly", "<15@x>", null, "<w0@x>", "o@x", "n@x", null},
        {"Sat, 6 Jan 2024 10:00:00 +0000", "=?utf-8?q?Caf=C3=A9?=", "<16@x>", null, null, "p@x", "q@x", null},
        {"Sat, 6 Jan 2024 10:00:00 +0000", "Re: Café", "<17@x>", null, null, "q@x", "p@x", null},
        {"Sun, 7 Jan 2024 10:00:00 +0000", "[fwd: Lunch]", "<18@x>", null, null, "r@x", "s@x", null},
        {"Sun, 7 Jan 2024 11:00:00 +0000", "", "<19@x>", null, null, "t@x", "u@x", null},
        {"Sun, 7 Jan 2024 12:00:00 +0000", "Re: ", "<20@x>", "<19@x>", null, "u@x", "t@x", null},
    };
    private static final List<String> SORTS = List.of("SUBJECT", "FROM", "TO", "CC", "DATE", "SIZE",
            "REVERSE SUBJECT", "DISPLAYFROM", "DISPLAYTO", "REVERSE DATE SUBJECT", "CC REVERSE FROM");

    private static DovecotOracle dovecot;
    private static final List<ThreadMessage> THREAD_INPUT = new ArrayList<>();
    private static final List<SortableMessage> SORT_INPUT = new ArrayList<>();

    @BeforeAll
    static void fillMailbox() throws IOException {
        dovecot = new DovecotOracle();
        for (int i = 0; i < BOX.length; i++) {
            String[] m = BOX[i];
            StringBuilder text = new StringBuilder();
            header(text, "Date", m[0]);
            header(text, "Subject", m[1]);
            header(text, "Message-ID", m[2]);
            header(text, "In-Reply-To", m[3]);
            header(text, "References", m[4]);
            header(text, "From", m[5]);
            header(text, "To", m[6]);
            header(text, "Cc", m[7]);
            text.append("\r\nbody ").append("x".repeat(i * 7 % 11)).append("\r\n");
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            dovecot.save(bytes);
            long sent = ZonedDateTime.parse(m[0], DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
            THREAD_INPUT.add(new ThreadMessage(i + 1, sent, m[1], m[2], m[3], m[4]));
            SORT_INPUT.add(new SortableMessage(i + 1, 0, sent, bytes.length, m[1], m[5], m[6], m[7]));
        }
    }

    private static void header(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(name).append(": ").append(value).append("\r\n");
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void threadReferencesEqualsDovecot() throws IOException {
        String expected = dovecot.imap("THREAD", List.of("THREAD REFERENCES UTF-8 ALL")).get(0);
        assertEquals(expected, Threader.references(THREAD_INPUT));
    }

    @Test
    void threadOrderedSubjectEqualsDovecot() throws IOException {
        String expected = dovecot.imap("THREAD", List.of("THREAD ORDEREDSUBJECT UTF-8 ALL")).get(0);
        assertEquals(expected, Threader.orderedSubject(THREAD_INPUT));
    }

    @Test
    void sortEqualsDovecot() throws IOException {
        List<String> expected = dovecot.imap("SORT",
                SORTS.stream().map(s -> "SORT (" + s + ") UTF-8 ALL").toList());
        List<String> ours = SORTS.stream().map(s -> Sorter.sort(SORT_INPUT, criteria(s)).stream()
                .map(String::valueOf).collect(Collectors.joining(" "))).toList();
        for (int i = 0; i < SORTS.size(); i++) {
            assertEquals(expected.get(i), ours.get(i), "SORT (" + SORTS.get(i) + ")");
        }
    }

    private static List<SortCriterion> criteria(String spec) {
        List<SortCriterion> list = new ArrayList<>();
        boolean reverse = false;
        for (String word : spec.split(" ")) {
            if (word.equals("REVERSE")) {
                reverse = true;
            } else {
                list.add(new SortCriterion(SortKey.valueOf(word), reverse));
                reverse = false;
            }
        }
        return list;
    }
}
