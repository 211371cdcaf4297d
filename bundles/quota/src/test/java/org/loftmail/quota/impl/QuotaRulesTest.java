package org.loftmail.quota.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loftmail.quota.impl.QuotaRules.Limits;
import org.loftmail.quota.impl.QuotaSettings.UserSettings;
import org.loftmail.quota.impl.QuotaSettings.UserSettings.Backend;

class QuotaRulesTest {

    private static final long K = 1024;
    private static final long M = K * K;
    private static final long G = M * K;

    private static QuotaRules rules(String... defs) {
        return QuotaRules.parse(List.of(defs));
    }

    @Test
    void storageWithUnits() {
        assertEquals(G, rules("*:storage=1G").defaultBytes());
        assertEquals(10 * M, rules("*:storage=10M").defaultBytes());
        assertEquals(10 * M, rules("*:storage=10m").defaultBytes());
        assertEquals(512 * K, rules("*:storage=512k").defaultBytes());
        assertEquals(2 * G * K, rules("*:storage=2T").defaultBytes());
        assertEquals(100, rules("*:storage=100b").defaultBytes());
        // without a unit storage is in KiB, bytes in bytes (Dovecot 2.3)
        assertEquals(1000 * K, rules("*:storage=1000").defaultBytes());
        assertEquals(1000, rules("*:bytes=1000").defaultBytes());
        assertEquals(5 * M, rules("*:bytes=5M").defaultBytes());
    }

    @Test
    void messagesAndBoth() {
        QuotaRules r = rules("*:messages=1000");
        assertEquals(1000, r.defaultCount());
        assertEquals(0, r.defaultBytes());
        r = rules("*:storage=1G:messages=100");
        assertEquals(G, r.defaultBytes());
        assertEquals(100, r.defaultCount());
        assertEquals(new Limits(G, 100, false), r.limitsFor("INBOX"));
    }

    @Test
    void laterRulesForTheSameMaskUpdateIt() {
        QuotaRules r = rules("*:storage=1G", "*:messages=50");
        assertEquals(G, r.defaultBytes());
        assertEquals(50, r.defaultCount());
        r = rules("*:storage=1G", "*:storage=2G");
        assertEquals(2 * G, r.defaultBytes());
    }

    @Test
    void mailboxRulesAreRelativeToTheDefault() {
        QuotaRules r = rules("*:storage=1G", "Trash:storage=+100M", "Sent:storage=-100M", "Old:storage=100M");
        assertEquals(new Limits(G + 100 * M, 0, false), r.limitsFor("Trash"));
        assertEquals(new Limits(G - 100 * M, 0, false), r.limitsFor("Sent"));
        // without a sign Dovecot adds too (and calls the form obsolete)
        assertEquals(new Limits(G + 100 * M, 0, false), r.limitsFor("Old"));
        assertEquals(new Limits(G, 0, false), r.limitsFor("INBOX"));
    }

    @Test
    void percentOfTheDefault() {
        QuotaRules r = rules("*:storage=1G:messages=1000", "Spam:storage=+10%%", "Junk:messages=+50%");
        assertEquals(new Limits(G + G / 10, 1000, false), r.limitsFor("Spam"));
        assertEquals(new Limits(G, 1500, false), r.limitsFor("Junk"));
        QuotaRules bad = rules("*:storage=10%%");
        assertEquals(1, bad.errors().size());
        assertFalse(bad.hasDefault());
    }

    @Test
    void ignore() {
        QuotaRules r = rules("*:storage=1G", "Trash:ignore");
        assertTrue(r.ignored("Trash"));
        assertTrue(r.limitsFor("Trash").ignored());
        assertFalse(r.ignored("INBOX"));
        r = rules("*:storage=1G", "*:ignore", "INBOX:storage=+0");
        assertTrue(r.ignored("Sent"));
        assertFalse(r.ignored("INBOX"));
        assertEquals(new Limits(G, 0, false), r.limitsFor("INBOX"));
    }

    @Test
    void wildcardsAndInbox() {
        QuotaRules r = rules("*:storage=1G", "Archive/*:ignore", "inbox:storage=+1G", "Sp?m:storage=+1M");
        assertTrue(r.ignored("Archive/2024"));
        assertFalse(r.ignored("Archive"));
        assertEquals(2 * G, r.limitsFor("INBOX").bytes());
        assertEquals(G + M, r.limitsFor("Spam").bytes());
        assertTrue(QuotaRules.wildcardMatch("a.b.c", "a.*"));
        assertFalse(QuotaRules.wildcardMatch("ab", "a"));
    }

    @Test
    void noDefaultMeansUnlimited() {
        QuotaRules r = rules("Trash:storage=+100M");
        assertTrue(r.limitsFor("Trash").unlimited());
        assertTrue(rules("*:storage=0").limitsFor("INBOX").unlimited());
    }

    @Test
    void invalidRulesAreReported() {
        assertEquals(1, rules("storage=1G").errors().size());
        assertEquals(1, rules("*:storage=1X").errors().size());
        assertEquals(1, rules("*:volume=1G").errors().size());
        assertEquals(1, rules("*:storage=+1G").errors().size());
        QuotaRules r = rules("*:storage=1G", "Trash:storage=lots");
        assertEquals(G, r.limitsFor("Trash").bytes());
        assertEquals(1, r.errors().size());
    }

    @Test
    void sizes() {
        assertEquals(10 * M, Sizes.size("10M"));
        assertEquals(10 * M, Sizes.size("10 MB"));
        assertEquals(123, Sizes.size("123"));
        assertEquals(2 * K, Sizes.size("2k"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.size("10%"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.size("ten"));
    }

    @Test
    void settingsFromConfigurationAndUserdb() {
        QuotaSettings cfg = QuotaSettings.of(Map.of("plugin.quota", "maildir:User quota",
                "plugin.quota_rule", "*:storage=1G", "plugin.quota_rule2", "Trash:storage=+100M",
                "plugin.quota_grace", "10%%", "plugin.quota_max_mail_size", "10M", "mail_location", "maildir:~/Maildir"));
        UserSettings s = cfg.forUser(Map.of());
        assertEquals(Backend.MAILDIR, s.backend());
        assertEquals("User quota", s.rootName());
        assertEquals(G, s.rules().defaultBytes());
        assertEquals(G + 100 * M, s.rules().limitsFor("Trash").bytes());
        assertEquals(G / 10, s.grace(G));
        assertEquals(10 * M, s.maxMailSize());
        assertEquals("maildir:~/Maildir", s.mailLocation());
        // userdb quota_rule replaces the configured one; quota_rule2 stays
        UserSettings u = cfg.forUser(Map.of("quota_rule", "*:storage=2G", "mail", "maildir:/m/%u"));
        assertEquals(2 * G, u.rules().defaultBytes());
        assertEquals(2 * G + 100 * M, u.rules().limitsFor("Trash").bytes());
        assertEquals("maildir:/m/%u", u.mailLocation());
    }

    @Test
    void backendsAndRootNames() {
        assertEquals(Backend.COUNT, settings("count:User quota").backend());
        assertEquals("Mine", settings("count:Mine").rootName());
        assertEquals("User quota", settings("maildir").rootName());
        assertEquals(Backend.NONE, QuotaSettings.of(Map.of()).forUser(Map.of()).backend());
        UserSettings ne = settings("maildir:User quota:noenforcing");
        assertTrue(ne.noEnforcing());
        UserSettings dict = settings("dict:User quota::file:/tmp/q");
        assertEquals(Backend.COUNT, dict.backend());
        assertFalse(dict.problems().isEmpty());
    }

    @Test
    void graceDefaultsAndSizes() {
        assertEquals(10 * M, settings("count").grace(100 * M));
        UserSettings s = QuotaSettings.of(Map.of("plugin.quota", "count", "plugin.quota_grace", "1M"))
                .forUser(Map.of());
        assertEquals(M, s.grace(100 * M));
        UserSettings none = QuotaSettings.of(Map.of("plugin.quota", "count", "plugin.quota_grace", "0"))
                .forUser(Map.of());
        assertEquals(0, none.grace(100 * M));
    }

    @Test
    void numberedRulesStopAtTheFirstGap() {
        UserSettings s = QuotaSettings.of(Map.of("plugin.quota", "count", "plugin.quota_rule", "*:storage=1M",
                "plugin.quota_rule2", "Trash:ignore", "plugin.quota_rule4", "Spam:ignore")).forUser(Map.of());
        assertTrue(s.rules().ignored("Trash"));
        assertFalse(s.rules().ignored("Spam"));
    }

    private static UserSettings settings(String quota) {
        return QuotaSettings.of(Map.of("plugin.quota", quota, "plugin.quota_rule", "*:storage=1M")).forUser(Map.of());
    }
}
