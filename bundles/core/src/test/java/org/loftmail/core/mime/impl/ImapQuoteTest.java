package org.loftmail.core.mime.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact wire strings of Dovecot's string quoting rules. */
class ImapQuoteTest {

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }

    @ParameterizedTest(name = "nstring [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain | \"plain\"",
        "'' | \"\"",
        "a\"b | \"a\\\"b\"",
        "1\"2\"3\"4\" | \"1\\\"2\\\"3\\\"4\\\"\"",
        "1\"2\"3\"4\"5\" | {10}\\r\\n1\"2\"3\"4\"5\"",
        "line\\r\\nbreak | {11}\\r\\nline\\r\\nbreak",
        "caf\u00e9 | {4}\\r\\ncaf\u00e9",
    })
    void nstring(String in, String wire) {
        StringBuilder out = new StringBuilder();
        ImapQuote.nstring(out, unescape(in));
        assertEquals(unescape(wire), out.toString());
    }

    @ParameterizedTest(name = "nolf [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'a\\r\\n b' | \"a b\"",
        "'x \\r\\n\\ty' | \"x \\ty\"",
    })
    void nstringNoLf(String in, String wire) {
        StringBuilder out = new StringBuilder();
        ImapQuote.nstringNoLf(out, unescape(in));
        assertEquals(unescape(wire), out.toString());
    }

    @ParameterizedTest(name = "humans [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "Hello | \"Hello\"",
        "'  ' | \"\"",
        "'  a  b  ' | {3}\\r\\na b",
        "'a\\r\\n\\tb' | {3}\\r\\na b",
        "say \"hi\" | {8}\\r\\nsay \"hi\"",
    })
    void forHumans(String in, String wire) {
        StringBuilder out = new StringBuilder();
        ImapQuote.forHumans(out, unescape(in));
        assertEquals(unescape(wire), out.toString());
    }

    @org.junit.jupiter.api.Test
    void nullIsNil() {
        StringBuilder out = new StringBuilder();
        ImapQuote.nstring(out, null);
        ImapQuote.nstringNoLf(out.append(' '), null);
        assertEquals("NIL NIL", out.toString());
    }
}
