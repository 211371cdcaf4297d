package org.loftmail.storage.maildir.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** mail_location forms from Dovecot's documentation and the seed configuration. */
class MailLocationTest {

    @ParameterizedTest(name = "[{0}] as {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # location                                      | user            | home             | root                              | layout    | control          | inbox             | index
            maildir:~/Maildir                               | bob             | /home/bob        | /home/bob/Maildir                 | MAILDIRPP | -                | -                 | -
            maildir:~                                       | bob             | /home/bob/       | /home/bob                         | MAILDIRPP | -                | -                 | -
            maildir:/var/mail/vhosts/%d/%n/                 | bob@example.org | -                | /var/mail/vhosts/example.org/bob/ | MAILDIRPP | -                | -                 | -
            maildir:/var/mail/%{domain}/%{username}          | bob@example.org | -                | /var/mail/example.org/bob         | MAILDIRPP | -                | -                 | -
            maildir:/var/mail/%Ld/%Ln                        | Bob@Example.ORG | -                | /var/mail/example.org/bob         | MAILDIRPP | -                | -                 | -
            maildir:/m/%u:LAYOUT=fs                          | bob@example.org | -                | /m/bob@example.org                | FS        | -                | -                 | -
            maildir:%h/Maildir:LAYOUT=maildir++             | bob             | /home/bob        | /home/bob/Maildir                 | MAILDIRPP | -                | -                 | -
            maildir:~/Maildir:INDEX=/var/index/%u:CONTROL=~/control | bob     | /home/bob        | /home/bob/Maildir                 | MAILDIRPP | /home/bob/control | -                | /var/index/bob
            maildir:~/Maildir:INBOX=/var/spool/mail/%u      | bob             | /home/bob        | /home/bob/Maildir                 | MAILDIRPP | -                | /var/spool/mail/bob | -
            maildir:~/Maildir:INDEX=MEMORY                  | bob             | /home/bob        | /home/bob/Maildir                 | MAILDIRPP | -                | -                 | MEMORY
            maildir:/m/a::b/%n                              | bob             | -                | /m/a:b/bob                        | MAILDIRPP | -                | -                 | -
            maildir:/m/100%%/%n                             | bob             | -                | /m/100%/bob                       | MAILDIRPP | -                | -                 | -
            """)
    void parsesAndExpands(String location, String user, String home, String root, MailLocation.Layout layout,
            String control, String inbox, String index) {
        MailLocation loc = MailLocation.parse(location, user, home);
        assertEquals(Path.of(root), loc.root());
        assertEquals(layout, loc.layout());
        assertEquals(Optional.ofNullable(control).map(Path::of), loc.control());
        assertEquals(Optional.ofNullable(inbox).map(Path::of), loc.inbox());
        assertEquals(Optional.ofNullable(index), loc.index());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            # location                                    | flag
            maildir:~/Maildir:UTF-8                       | utf8
            maildir:~/Maildir:NO-NOSELECT                 | noNoselect
            maildir:~/Maildir:ITERINDEX                   | iterIndex
            maildir:~/Maildir:VOLATILEDIR=/tmp/volatile/%u | volatile
            maildir:~/Maildir:SUBSCRIPTIONS=subs-%u       | subscriptions
            """)
    void options(String location, String flag) {
        MailLocation loc = MailLocation.parse(location, "bob", "/home/bob");
        switch (flag) {
            case "utf8" -> assertTrue(loc.utf8());
            case "noNoselect" -> assertTrue(loc.noNoselect());
            case "iterIndex" -> assertTrue(loc.iterIndex());
            case "volatile" -> assertEquals(Optional.of(Path.of("/tmp/volatile/bob")), loc.volatileDir());
            case "subscriptions" -> assertEquals("subs-bob", loc.subscriptionsFile());
            default -> throw new AssertionError(flag);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # location                          | home      | the message contains
            mbox:~/mail                         | /home/bob | must start with 'maildir:'
            maildir:                            | /home/bob | has no maildir path
            maildir:~/Maildir:FROB=1            | /home/bob | unknown mail_location option 'FROB'
            maildir:~/Maildir:LAYOUT=weird      | /home/bob | unknown LAYOUT 'weird'
            maildir:~/Maildir:INDEX=            | /home/bob | 'INDEX' needs a value
            maildir:~/Maildir:UTF-8=yes         | /home/bob | 'UTF-8' takes no value
            maildir:/m/%x                       | /home/bob | unknown variable '%x'
            maildir:/m/%{flavour}               | /home/bob | unknown variable '%flavour'
            maildir:~/Maildir                   | -         | ~ is used but the user has no home
            maildir:%h/Maildir                  | -         | %h is used but the user has no home
            maildir:Maildir                     | /home/bob | must be an absolute path
            maildir:/m/%                        | /home/bob | '%' at the end
            """)
    void clearErrors(String location, String home, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MailLocation.parse(location, "bob", home));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
