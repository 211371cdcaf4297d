package org.loftmail.config.impl.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated catalogue of Dovecot 2.3 settings and Loft's own. */
class CatalogueTest {

    private final Catalogue catalogue = Catalogue.standard();

    @Test
    void knowsDovecotSettingsWithTypesAndDefaults() {
        assertTrue(catalogue.keys(Catalogue.TOP).size() > 300, "all of doveconf -a");
        SettingDef ssl = catalogue.find(Catalogue.TOP, "ssl").orElseThrow();
        assertEquals(List.of("yes", "no", "required"), ssl.type().values());
        assertEquals("yes", ssl.defaultValue());
        assertEquals(SettingType.Kind.PORT, catalogue.find("service > inet_listener", "port").orElseThrow().type().kind());
        assertEquals(SettingType.Kind.OCTAL, catalogue.find("service > unix_listener", "mode").orElseThrow().type().kind());
        assertEquals("*, ::", catalogue.topDefault("listen"));
        assertTrue(catalogue.keys("namespace > mailbox").contains("special_use"));
        assertTrue(catalogue.keys(Catalogue.TOP).contains("managesieve_max_line_length"), "Pigeonhole's settings too");
    }

    @Test
    void knowsLoftSettings() {
        SettingDef own = catalogue.find(Catalogue.TOP, "loft_connection_limit_per_ip").orElseThrow();
        assertTrue(own.loft());
        assertEquals("100", own.defaultValue());
    }

    @Test
    void knowsDovecotsBuiltInSections() {
        assertEquals(List.of("imap", "imaps"), catalogue.defaultChildren("service imap-login", "inet_listener"));
        assertEquals("993", catalogue.defaultSection("service imap-login > inet_listener imaps").get("port"));
        assertEquals(List.of("lmtp"), catalogue.defaultChildren("service lmtp", "unix_listener"));
        assertEquals("4190", catalogue.defaultValue("service > inet_listener", "service managesieve-login > inet_listener sieve", "port"));
    }

    @Test
    void noEffectReasonsByTypeAndBuiltInSection() {
        NoEffect n = NoEffect.standard();
        assertTrue(n.reason("service", "service imap-login", "vsz_limit").isPresent());
        assertTrue(n.sectionReason("service", "service anvil").isPresent());
        assertTrue(n.reason(Catalogue.TOP, "", "mail_location").isEmpty(), "later bundles implement it");
        // every row names a setting the catalogue knows
        for (String key : List.of("default_internal_user", "ssl_dh", "mmap_disable", "dotlock_use_excl", "shutdown_clients",
                "import_environment", "version_ignore", "verbose_proctitle")) {
            assertTrue(catalogue.find(Catalogue.TOP, key).isPresent(), key);
            assertTrue(n.reason(Catalogue.TOP, "", key).isPresent(), key);
        }
    }
}
