package org.loftmail.config.impl.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.config.impl.LoadedConfig;
import org.loftmail.config.impl.TestFiles;
import org.loftmail.config.impl.catalogue.Catalogue;

/** The namespace and mailbox blocks in {@code org.loftmail.settings}: {@code namespace.N.*}, {@code namespace.N.mailbox.M.*}. */
class NamespaceProjectionTest {

    @TempDir
    Path dir;

    private static Map<String, Object> settings(LoadedConfig c) {
        assertEquals(List.of(), c.errors());
        return c.project(Catalogue.standard(), null, null).settings();
    }

    private Map<String, Object> settings(String text) {
        return settings(TestFiles.loadText(dir, text));
    }

    private static Map<String, Object> namespaces(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k.startsWith("namespace.")) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void debianMailboxesFileMergesIntoTheInboxNamespaceOf10Mail() {
        Map<String, Object> s = settings(TestFiles.load(TestFiles.resource("debian-mailboxes/dovecot.conf")));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("namespace.0.name", "inbox");
        expected.put("namespace.0.inbox", "yes");
        expected.put("namespace.0.mailbox.0.name", "Drafts");
        expected.put("namespace.0.mailbox.0.special_use", "\\Drafts");
        expected.put("namespace.0.mailbox.1.name", "Junk");
        expected.put("namespace.0.mailbox.1.special_use", "\\Junk");
        expected.put("namespace.0.mailbox.2.name", "Trash");
        expected.put("namespace.0.mailbox.2.special_use", "\\Trash");
        expected.put("namespace.0.mailbox.3.name", "Sent");
        expected.put("namespace.0.mailbox.3.special_use", "\\Sent");
        expected.put("namespace.0.mailbox.4.name", "Sent Messages");
        expected.put("namespace.0.mailbox.4.special_use", "\\Sent");
        assertEquals(expected, namespaces(s));
        assertEquals("mbox:~/mail:INBOX=/var/mail/%u", s.get("mail_location"));
    }

    @Test
    void everySettingWrittenIsListedAndNamespacesAreNumberedInOrder() {
        Map<String, Object> s = settings("""
                namespace inbox {
                  type = private
                  separator = .
                  prefix =
                  inbox = yes
                  mailbox Drafts {
                    auto = subscribe
                    special_use = \\Drafts
                  }
                  mailbox Lists.Java {
                    auto = create
                  }
                }
                namespace {
                  type = shared
                  separator = /
                  prefix = shared/%%u/
                  location = maildir:%%h/Maildir:INDEX=~/Maildir/shared/%%u
                  subscriptions = no
                  list = children
                }
                namespace inbox {
                  hidden = no
                  mailbox Archive {
                    special_use = \\Archive \\Flagged
                    autoexpunge = 30d
                  }
                  mailbox Drafts {
                    auto = create
                  }
                }
                """);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("namespace.0.name", "inbox");
        expected.put("namespace.0.type", "private");
        expected.put("namespace.0.separator", ".");
        expected.put("namespace.0.prefix", "");
        expected.put("namespace.0.inbox", "yes");
        expected.put("namespace.0.hidden", "no");
        expected.put("namespace.0.mailbox.0.name", "Drafts");
        expected.put("namespace.0.mailbox.0.auto", "create");
        expected.put("namespace.0.mailbox.0.special_use", "\\Drafts");
        expected.put("namespace.0.mailbox.1.name", "Lists.Java");
        expected.put("namespace.0.mailbox.1.auto", "create");
        expected.put("namespace.0.mailbox.2.name", "Archive");
        expected.put("namespace.0.mailbox.2.special_use", "\\Archive \\Flagged");
        expected.put("namespace.0.mailbox.2.autoexpunge", "30d");
        expected.put("namespace.1.name", "");
        expected.put("namespace.1.type", "shared");
        expected.put("namespace.1.separator", "/");
        expected.put("namespace.1.prefix", "shared/%%u/");
        expected.put("namespace.1.location", "maildir:%%h/Maildir:INDEX=~/Maildir/shared/%%u");
        expected.put("namespace.1.subscriptions", "no");
        expected.put("namespace.1.list", "children");
        assertEquals(expected, namespaces(s));
    }

    @Test
    void realisticSetupHasItsInboxAndSharedNamespaces() {
        Map<String, Object> s = settings(TestFiles.load(TestFiles.resource("realistic/dovecot.conf")));
        assertEquals("inbox", s.get("namespace.0.name"));
        assertEquals("/", s.get("namespace.0.separator"));
        assertEquals("Archive", s.get("namespace.0.mailbox.5.name"));
        assertEquals("create", s.get("namespace.0.mailbox.5.auto"));
        assertEquals("shared", s.get("namespace.1.name"));
        assertEquals("shared", s.get("namespace.1.type"));
        assertFalse(s.containsKey("namespace.2.name"));
    }

    @Test
    void withoutBlocksNothingIsAdded() {
        assertEquals(Map.of(), namespaces(settings("protocols = imap\n")));
    }
}
