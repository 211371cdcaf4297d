package org.loftmail.imap.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Address lists rewritten as Dovecot 2.3.19 matches FROM/TO/CC/BCC against them; each form was
 * checked by searching Dovecot for it.
 */
class AddressFormTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "Carol <carol@example.com>|Carol <carol@example.com>",
        "J. Doe <jd@example.com>|\"J. Doe\" <jd@example.com>",
        "bob@example.net (Bob Comment)|\"Bob Comment\" <bob@example.net>",
        "bob@example.net|<bob@example.net>",
        "<bob@example.net>|<bob@example.net>",
        "team: a@x.org, \"B B\" <b@x.org>;, c@y.org|team: <a@x.org>, \"B B\" <b@x.org>;, <c@y.org>",
        "localonly|<localonly@MISSING_DOMAIN>",
        "<@route.example:r@example.com>|<@route.example:r@example.com>",
        "\"quoted \\\"inner\\\" name\" <q@example.com>|\"quoted \\\"inner\\\" name\" <q@example.com>",
        "=?UTF-8?Q?J=C3=BCrgen?= <j@example.de>|=?UTF-8?Q?J=C3=BCrgen?= <j@example.de>",
        "Undisclosed recipients:;|\"Undisclosed recipients\":;",
        "  Spaced   Name   <s@example.com>  |\"Spaced Name\" <s@example.com>",
        "O'Brien <ob@example.com>|O'Brien <ob@example.com>",
        "\"Doe,  John\" <j@x.org>|\"Doe,  John\" <j@x.org>",
        "Alice Example <alice@example.org>, bob@example.net|\"Alice Example\" <alice@example.org>, <bob@example.net>",
        "\"john doe\"@example.com|<\"john doe\"@example.com>",
        "a@b, , c@d|<a@b>, <MISSING_MAILBOX@MISSING_DOMAIN>, <c@d>",
        "@nolocal|<MISSING_MAILBOX@nolocal>",
        "x@[127.0.0.1]|<x@[127.0.0.1]>",
        "q <a@b> (cmt)|q <a@b>",
        "x@y (a) (b)|b <x@y>",
        "\"\" <e@x>|<e@x>",
        "''|''",
    })
    void writes(String raw, String written) {
        assertEquals(written, AddressForm.of(raw));
    }
}
