package org.loftmail.config.impl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each line form of Dovecot 2.3's syntax, and what the lexer makes of it. */
class LineLexerTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # line                                   | kind          | key             | value
            key = value                              | KEY_VALUE     | key             | value
            key=value                                | KEY_VALUE     | key             | value
            `  indented = yes  `                     | KEY_VALUE     | indented        | yes
            empty =                                  | KEY_VALUE     | empty           | ``
            quoted = "  spaced # not a comment "     | KEY_VALUE     | quoted          | `  spaced # not a comment `
            single = 'single quoted'                 | KEY_VALUE     | single          | single quoted
            escaped = "a \\"b\\" c"                  | KEY_VALUE     | escaped         | a "b" c
            value = with comment # here              | KEY_VALUE     | value           | with comment
            percent = %{if;%d;ne;;%d;%{hostname}}     | KEY_VALUE     | percent         | %{if;%d;ne;;%d;%{hostname}}
            cipher = ALL:!kRSA:!aNULL@STRENGTH       | KEY_VALUE     | cipher          | ALL:!kRSA:!aNULL@STRENGTH
            ssl_cert = </etc/ssl/cert.pem            | KEY_FILE      | ssl_cert        | /etc/ssl/cert.pem
            ssl_key = <  key.pem                     | KEY_FILE      | ssl_key         | key.pem
            mail_plugins = $mail_plugins quota       | KEY_VARIABLE  | mail_plugins    | $mail_plugins quota
            quoted_dollar = "$not_expanded"          | KEY_VALUE     | quoted_dollar   | $not_expanded
            passdb {                                 | SECTION_BEGIN | passdb          |
            service imap-login {                     | SECTION_BEGIN | service         | imap-login
            mailbox "Sent Messages" {                | SECTION_BEGIN | mailbox         | Sent Messages
            local 192.0.2.1 {                        | SECTION_BEGIN | local           | 192.0.2.1
            remote 10.0.0.0/8 {                      | SECTION_BEGIN | remote          | 10.0.0.0/8
            unix_listener /var/spool/postfix/private/auth { | SECTION_BEGIN | unix_listener | /var/spool/postfix/private/auth
            protocol !indexer-worker {               | SECTION_BEGIN | protocol        | !indexer-worker
            }                                        | SECTION_END   | }               |
            !include conf.d/*.conf                   | INCLUDE       | !include        | conf.d/*.conf
            !include_try local.conf                  | INCLUDE_TRY   | !include_try    | local.conf
            """)
    void oneLine(String text, Line.Kind kind, String key, String value) {
        List<Line> lines = LineLexer.lex(text);
        assertEquals(1, lines.size(), lines::toString);
        Line line = lines.get(0);
        assertEquals(kind, line.kind());
        assertEquals(key, line.key());
        assertEquals(value, line.value());
        assertEquals(1, line.number());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            # line                        | the sentence starts with
            just_a_word                   | 'just_a_word' is neither
            service imap-login           | expected '{' after 'service imap-login'
            mailbox Sent { auto = create } | text after '{'
            = value                       | '=' without a setting name
            mailbox "Sent {               | the quoted section name is not closed
            """)
    void syntaxErrors(String text, String sentence) {
        Line line = LineLexer.lex(text).get(0);
        assertEquals(Line.Kind.ERROR, line.kind());
        assertEquals(sentence, line.value().substring(0, sentence.length()), line.value());
    }

    @org.junit.jupiter.api.Test
    void commentsBlankLinesAndContinuations() {
        List<Line> lines = LineLexer.lex("""
                # a comment
                   # an indented comment

                password_query = SELECT password \\
                  FROM users \\
                  WHERE user = '%u'
                after = 1
                """);
        assertEquals(2, lines.size(), lines::toString);
        assertEquals(new Line(Line.Kind.KEY_VALUE, 4, "password_query", "SELECT password FROM users WHERE user = '%u'"),
                lines.get(0));
        assertEquals(7, lines.get(1).number());
    }

    @org.junit.jupiter.api.Test
    void hashRightAfterTextIsAnAmbiguousComment() {
        List<Line> lines = LineLexer.lex("mail_location = maildir:~/Mail#x\n");
        assertEquals(Line.Kind.AMBIGUOUS_COMMENT, lines.get(0).kind());
        assertEquals("maildir:~/Mail", lines.get(1).value());
    }
}
