package org.loftmail.storage.core.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loftmail.api.storage.MailboxAttribute;
import org.loftmail.api.storage.Namespace;

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
    void configurationsThatCannotBeServedAreErrors() {
        assertEquals("namespace inbox: prefix 'INBOX.' is not supported yet: Loft serves the personal namespace"
                + " with an empty prefix only (remove the prefix setting)", NamespaceConfig.from(keys(
                        "namespace.0.name", "inbox", "namespace.0.inbox", "yes", "namespace.0.prefix", "INBOX.",
                        "namespace.0.separator", ".")).error());
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
