package org.loftmail.config.impl.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.config.impl.LoadedConfig;
import org.loftmail.config.impl.TestFiles;
import org.loftmail.config.impl.catalogue.Catalogue;
import org.loftmail.config.impl.project.Projection;

/** After each write ConfigAdmin holds exactly the current configurations, bindable by any bundle. */
class ConfigAdminWriterTest {

    @TempDir
    Path dir;

    private final FakeConfigurationAdmin fake = new FakeConfigurationAdmin();
    private final ConfigAdminWriter writer = new ConfigAdminWriter(fake.admin());

    private void write(String text) throws Exception {
        LoadedConfig c = TestFiles.loadText(dir, text);
        assertEquals(List.of(), c.errors());
        Projection p = c.project(Catalogue.standard(), dir.resolve("run"), dir.resolve("state"));
        writer.write(p);
    }

    @Test
    void writesSingletonsAndOneFactoryConfigurationPerListener() throws Exception {
        write("protocols = imap\n");
        assertEquals(List.of("org.loftmail.features", "org.loftmail.net.listener~doveadm-doveadm-server",
                "org.loftmail.net.listener~imap-login-imap", "org.loftmail.net.listener~imap-login-imaps",
                "org.loftmail.net.tls", "org.loftmail.settings"),
                List.copyOf(fake.store.keySet()));
        for (FakeConfigurationAdmin.Stored s : fake.store.values()) {
            assertEquals("?", s.location, s.pid);
            assertEquals(dir.resolve("dovecot.conf").toString(), s.properties.get("loft.source"), s.pid);
        }
        assertEquals(993, fake.store.get("org.loftmail.net.listener~imap-login-imaps").properties.get("port"));
    }

    @Test
    void reloadDeletesListenersNoLongerWantedAndLeavesUnchangedOnesAlone() throws Exception {
        write("protocols = imap pop3\n");
        assertEquals(8, fake.store.size());
        write("protocols = imap\nservice imap-login {\n  inet_listener imap {\n    port = 0\n  }\n}\n");
        assertEquals(List.of("org.loftmail.features", "org.loftmail.net.listener~doveadm-doveadm-server",
                "org.loftmail.net.listener~imap-login-imaps", "org.loftmail.net.tls", "org.loftmail.settings"),
                List.copyOf(fake.store.keySet()));
        assertEquals(1, fake.store.get("org.loftmail.net.listener~imap-login-imaps").updates, "unchanged: not updated again");
        assertEquals(1, fake.store.get("org.loftmail.net.tls").updates);
        assertEquals(2, fake.store.get("org.loftmail.features").updates);
    }
}
