package org.loftmail.storage.core.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.MailboxAttribute;
import org.loftmail.api.storage.Namespace;
import org.loftmail.api.storage.StorageError;
import org.loftmail.api.storage.StorageException;

/** Reading the {@code namespace.N.*} keys of {@code org.loftmail.settings}: which namespace is served, and how. */
class NamespaceConfigTest {

    private static Map<String, Object> keys(String... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mail_location", "memory:");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void withoutNamespaceKeysTheDefaultIsServed() {
        NamespaceConfig c = NamespaceConfig.from(keys("namespace_x", "1", "mail_plugins", "quota"));
        assertSame(NamespaceConfig.DEFAULT, c);
        assertEquals(new Namespace("", '/', Namespace.Type.PERSONAL, true, true, true), c.namespace());
        assertNull(c.error());
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void theInboxNamespaceGivesSeparatorMailboxesAndSpecialUse() {
        NamespaceConfig c = NamespaceConfig.from(keys(
                "namespace.0.name", "inbox",
                "namespace.0.separator", ".",
                "namespace.0.inbox", "yes",
                "namespace.0.location", "memory:%u",
                "namespace.0.mailbox.0.name", "Drafts",
                "namespace.0.mailbox.0.auto", "subscribe",
                "namespace.0.mailbox.0.special_use", "\\Drafts",
                "namespace.0.mailbox.1.name", "Archive.2026",
                "namespace.0.mailbox.1.auto", "create",
                "namespace.0.mailbox.1.special_use", "\\Archive  \\flagged",
                "namespace.0.mailbox.2.name", "Sent Messages",
                "namespace.0.mailbox.2.special_use", "\\Sent \\Important",
                "namespace.0.mailbox.3.name", "Bad/Name",
                "namespace.0.mailbox.3.auto", "create",
                "namespace.0.mailbox.4.name", "Junk",
                "namespace.0.mailbox.4.autoexpunge", "30d"));
        assertNull(c.error());
        assertEquals(new Namespace("", '.', Namespace.Type.PERSONAL, true, true, true), c.namespace());
        assertEquals("memory:%u", c.location());
        assertEquals(List.of(new NamespaceConfig.AutoMailbox("Drafts", true),
                new NamespaceConfig.AutoMailbox("Archive/2026", false)), c.auto());
        assertEquals(Set.of(MailboxAttribute.DRAFTS), c.specialUse("Drafts"));
        assertEquals(Set.of(MailboxAttribute.ARCHIVE, MailboxAttribute.FLAGGED), c.specialUse("Archive/2026"));
        assertEquals(Set.of(MailboxAttribute.SENT), c.specialUse("Sent Messages"));
        assertEquals(Set.of(), c.specialUse("INBOX"));
        assertEquals(3, c.warnings().size(), c.warnings().toString());
        assertTrue(c.warnings().get(0).contains("special_use \\Important is not an RFC 6154 attribute"), c.warnings().get(0));
        assertTrue(c.warnings().get(1).startsWith("namespace inbox: mailbox 'Bad/Name' is ignored: "), c.warnings().get(1));
        assertTrue(c.warnings().get(2).contains("autoexpunge = 30d is not supported yet"), c.warnings().get(2));
    }

    @Test
    void theOnlyPrivateNamespaceIsPersonalWithoutInboxYesAndOthersAreWarnedAbout() {
        NamespaceConfig c = NamespaceConfig.from(keys(
                "namespace.0.name", "",
                "namespace.0.type", "public",
                "namespace.0.prefix", "Public/",
                "namespace.1.name", "mine",
                "namespace.1.separator", "/",
                "namespace.2.name", "old",
                "namespace.2.disabled", "yes"));
        assertNull(c.error());
        assertEquals('/', c.separator());
        assertEquals(List.of("namespace (unnamed) (type = public, prefix \"Public/\") is not supported and is ignored:"
                + " Loft serves only the personal namespace"), c.warnings());
    }

    @Test
    void theCourierPrefixInboxDotMapsNamesAtTheBoundary() throws Exception {
        NamespaceConfig c = NamespaceConfig.from(keys("namespace.0.name", "inbox", "namespace.0.inbox", "yes",
                "namespace.0.prefix", "inbox.", "namespace.0.separator", ".",
                "namespace.0.mailbox.0.name", "Sent", "namespace.0.mailbox.0.special_use", "\\Sent",
                "namespace.0.mailbox.1.name", "INBOX.Trash", "namespace.0.mailbox.1.auto", "create"));
        assertNull(c.error());
        assertEquals(new Namespace("INBOX.", '.', Namespace.Type.PERSONAL, true, true, true), c.namespace());
        assertEquals("INBOX", c.internal("inbox", false));
        assertEquals("Sent", c.internal("INBOX.Sent", false));
        assertEquals("Work/Projects", c.internal("Inbox.Work.Projects", true));
        assertEquals("INBOX/Child", c.internal("INBOX.INBOX.Child", true));
        assertEquals("INBOX", c.internal("INBOX.inbox", false), "as in Dovecot, INBOX.INBOX is INBOX");
        assertEquals("INBOX", c.shown("INBOX"));
        assertEquals("INBOX.Work.Projects", c.shown("Work/Projects"));
        assertEquals("INBOX.Work.Projects", c.external("Work/Projects"));
        assertNull(c.external("v1.2"));
        assertEquals(Set.of(MailboxAttribute.SENT), c.specialUse("Sent"), "mailbox names are written without the prefix");
        assertEquals(List.of(new NamespaceConfig.AutoMailbox("INBOX/Trash", false)), c.auto());
        assertEquals(List.of("namespace inbox: mailbox 'INBOX.Trash' is the mailbox INBOX.INBOX.Trash: mailbox names"
                + " in a namespace block are written without the namespace prefix INBOX."), c.warnings());
        for (String outside : new String[] {"Sent", "INBOX.", "INBOXX.Sent", "Mail.Sent"}) {
            StorageException e = assertThrows(StorageException.class, () -> c.internal(outside, false));
            assertEquals(StorageError.NOT_FOUND, e.error(), outside);
            assertEquals("Mailbox doesn't exist: " + outside, e.getMessage());
            e = assertThrows(StorageException.class, () -> c.internal(outside, true));
            assertEquals(StorageError.INVALID_NAME, e.error(), outside);
            assertTrue(e.getMessage().contains("'" + outside + "'") && e.getMessage().contains("prefix INBOX."),
                    e.getMessage());
        }
        StorageException bad = assertThrows(StorageException.class, () -> c.internal("INBOX.a..b", true));
        assertEquals(StorageError.INVALID_NAME, bad.error());
        assertTrue(bad.getMessage().startsWith("Invalid mailbox name 'INBOX.a..b': "), bad.getMessage());
    }

    @Test
    void configurationsThatCannotBeServedAreErrors() {
        assertEquals("namespace inbox: prefix 'Mail.' is not supported yet: Loft serves the personal namespace"
                + " with an empty prefix or the prefix INBOX. only", NamespaceConfig.from(keys(
                        "namespace.0.name", "inbox", "namespace.0.inbox", "yes", "namespace.0.prefix", "Mail.",
                        "namespace.0.separator", ".")).error());
        assertTrue(NamespaceConfig.from(keys("namespace.0.name", "inbox", "namespace.0.inbox", "yes",
                "namespace.0.prefix", "INBOX/", "namespace.0.separator", ".")).error().contains("prefix 'INBOX/'"),
                "the prefix ends with the separator");
        assertTrue(NamespaceConfig.from(keys("namespace.0.name", "inbox", "namespace.0.separator", "::"))
                .error().contains("must be a single character"));
        assertTrue(NamespaceConfig.from(keys("namespace.0.name", "inbox", "namespace.0.separator", "%"))
                .error().contains("is not supported"));
        assertTrue(NamespaceConfig.from(keys("namespace.0.name", "a", "namespace.0.inbox", "yes",
                "namespace.1.name", "b", "namespace.1.inbox", "yes")).error().contains("both have inbox = yes"));
        assertTrue(NamespaceConfig.from(keys("namespace.0.name", "a", "namespace.1.name", "b")).error()
                .contains("2 private namespaces"));
        assertTrue(NamespaceConfig.from(keys("namespace.0.name", "s", "namespace.0.type", "shared",
                "namespace.0.inbox", "yes")).error().contains("type = shared"));
    }

    @Test
    void onlySharedNamespacesLeaveTheDefaultPersonalOne() {
        NamespaceConfig c = NamespaceConfig.from(keys("namespace.0.name", "shared", "namespace.0.type", "shared",
                "namespace.0.prefix", "shared/%%u/"));
        assertNull(c.error());
        assertEquals(NamespaceConfig.DEFAULT_PERSONAL, c.namespace());
        assertEquals(2, c.warnings().size(), c.warnings().toString());
        assertTrue(c.warnings().get(1).startsWith("namespace shared (type = shared"), c.warnings().get(1));
    }
}
