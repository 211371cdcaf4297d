package org.loftmail.core.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5256 section 2.1, one row per rule. */
class BaseSubjectTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "Hello | Hello | false",
        "Re: Hello | Hello | true",
        "RE: Re: re: Hello | Hello | true",
        "Fwd: Hello | Hello | true",
        "FW: Hello | Hello | true",
        "fw : Hello | Hello | true",
        "Re[2]: Hello | Hello | true",
        "Re [list]: Hello | Hello | true",
        "[PATCH] fix it | fix it | false",
        "[PATCH] | [PATCH] | false",
        "[list] Re: [list] Re: Hello | Hello | true",
        "Hello (fwd) | Hello | true",
        "Hello (FWD)  (fwd) | Hello | true",
        "[fwd: Hello] | Hello | true",
        "[Fwd: Re: [x] Hi (fwd)] | Hi | true",
        "'  Hello    big   world  ' | Hello big world | false",
        "'\tRe:\tHello' | Hello | true",
        "Re: | '' | true",
        "=?utf-8?q?Re:_caf=C3=A9?= | café | true",
        "=?ISO-8859-1?Q?Fwd:?= =?ISO-8859-1?Q?_Gr=FC=DFe?= | Grüße | true",
        "Rebus | Rebus | false",
        "Re: Re | Re | true",
    })
    void extracts(String subject, String base, boolean replyOrForward) {
        assertEquals(new BaseSubject(base, replyOrForward), BaseSubject.of(subject));
    }

    @org.junit.jupiter.api.Test
    void missingSubjectIsEmpty() {
        assertEquals(new BaseSubject("", false), BaseSubject.of(null));
    }
}
