package org.loftmail.features.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureSelectionTest {

    @Test
    void protocolsAndGlobalPluginsAreFeatures() {
        Map<String, Object> config = Map.of(
                "protocols", new String[] {"imap", "pop3", "lmtp"},
                "mail_plugins", new String[] {"quota", "fts", "fts_lucene"});
        assertEquals(Set.of("imap", "pop3", "lmtp", "quota", "fts", "fts_lucene"), FeatureSelection.namesIn(config));
    }

    @Test
    void protocolBlockPluginsCountOnlyForEnabledProtocols() {
        Map<String, Object> config = Map.of(
                "protocols", "imap lmtp",
                "protocol.lmtp.mail_plugins", new String[] {"sieve"},
                "protocol.pop3.mail_plugins", new String[] {"antispam"});
        assertEquals(Set.of("imap", "lmtp", "sieve"), FeatureSelection.namesIn(config));
    }

    @Test
    void noneMeansNoProtocol() {
        assertEquals(Set.of(), FeatureSelection.namesIn(Map.of("protocols", "none")));
    }

    @Test
    void listsSplitOnSpacesAndCommas() {
        assertEquals(List.of("a", "b", "c"), FeatureSelection.strings(new String[] {"a, b", "c"}));
    }
}
