package org.loftmail.imap.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The date part of Date: fields, in the zone they are written in. */
class SentDateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sat, 1 Jan 2022 00:30:00 +1400|2022-01-01",
        "Fri, 31 Dec 2021 23:30:00 -1200|2021-12-31",
        "Mon, 7 Nov 2022 10:00:00 +0100 (CET)|2022-11-07",
        "7 Nov 2022 10:00 GMT|2022-11-07",
        "Mon,07 nov 2022 10:00:00 EST|2022-11-07",
        "(received late) Tue, 01 Feb 2000 00:00:00 +0000|2000-02-01",
        "Tue, 1(c)Feb 2000 00:00:00 +0000|2000-02-01",
        "Thu, 29 Feb 2024 12:00:00 +0000|2024-02-29",
        "Wed, 1 Jan 97 12:00:00 +0000|1997-01-01",
        "Wed, 1 Jan 05 12:00:00 +0000|2005-01-01",
        "Wed, 1 Jan 105 12:00:00 +0000|2005-01-01",
        "  Sun,   3   March   2024   08:00   -0000  |2024-03-03",
    })
    void parses(String value, String date) {
        assertEquals(LocalDate.parse(date), SentDate.parse(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a date at all", "Mon, 31 Feb 2022 10:00:00 +0000", "1 Foo 2022",
        "Mon, 1 Jan", "Mon, x Jan 2022 10:00", "Mon, 123 Jan 2022 10:00", "Mon, 1 Jan 20222 10:00"})
    void rejects(String value) {
        assertNull(SentDate.parse(value));
    }

    @Test
    void firstDateFieldCounts() {
        assertEquals(LocalDate.of(2020, 5, 4), SentDate.of(List.of(new HeaderField("Subject", "x"),
                new HeaderField("DATE", "4 May 2020 10:00 +0000"), new HeaderField("Date", "5 May 2020 10:00 +0000"))));
    }

    @Test
    void missingOrBrokenDateIsTheEpochLikeDovecot() {
        assertEquals(LocalDate.of(1970, 1, 1), SentDate.of(List.of(new HeaderField("Subject", "x"))));
        assertEquals(LocalDate.of(1970, 1, 1), SentDate.of(List.of(new HeaderField("Date", "garbage"))));
    }
}
