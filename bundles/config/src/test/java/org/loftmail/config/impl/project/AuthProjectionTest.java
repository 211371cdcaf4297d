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

/** The passdb/userdb chains in {@code org.loftmail.settings}, in the order written, across files. */
class AuthProjectionTest {

    @TempDir
    Path dir;

    private Map<String, Object> settings(String text) {
        LoadedConfig c = TestFiles.loadText(dir, text);
        assertEquals(List.of(), c.errors());
        return c.project(Catalogue.standard(), null, null).settings();
    }

    private static Map<String, Object> withPrefix(Map<String, Object> map, String... prefixes) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            for (String p : prefixes) {
                if (k.startsWith(p)) {
                    out.put(k, v);
                }
            }
        });
        return out;
    }

    @Test
    void chainsAreNumberedInOrderWithEverySettingWritten() {
        Map<String, Object> s = settings("""
                auth_mechanisms = plain login
                auth_username_format = %Ln
                passdb {
                  driver = passwd-file
                  args = scheme=SHA512-CRYPT username_format=%u /etc/dovecot/users/%d
                  result_failure = return-fail
                }
                passdb {
                  driver = static
                  args = nopassword=y
                  deny = yes
                  skip = authenticated
                  default_fields = proxy=y
                  override_fields = host=10.0.0.1
                }
                userdb {
                  driver = static
                  args = uid=vmail gid=vmail home=/var/mail/vhosts/%d/%n
                  result_success = continue-ok
                }
                """);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("passdb.0.driver", "passwd-file");
        expected.put("passdb.0.args", "scheme=SHA512-CRYPT username_format=%u /etc/dovecot/users/%d");
        expected.put("passdb.0.result_failure", "return-fail");
        expected.put("passdb.1.driver", "static");
        expected.put("passdb.1.args", "nopassword=y");
        expected.put("passdb.1.deny", "yes");
        expected.put("passdb.1.skip", "authenticated");
        expected.put("passdb.1.default_fields", "proxy=y");
        expected.put("passdb.1.override_fields", "host=10.0.0.1");
        expected.put("userdb.0.driver", "static");
        expected.put("userdb.0.args", "uid=vmail gid=vmail home=/var/mail/vhosts/%d/%n");
        expected.put("userdb.0.result_success", "continue-ok");
        assertEquals(expected, withPrefix(s, "passdb.", "userdb."));
        assertEquals("plain login", s.get("auth_mechanisms"));
        assertEquals("%Ln", s.get("auth_username_format"));
    }

    @Test
    void blocksFromIncludedFilesKeepTheirPlaceInTheChain() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("conf.d"));
        java.nio.file.Files.writeString(dir.resolve("conf.d/auth-static.conf.ext"),
                "userdb {\n  driver = static\n  args = home=/h/%n\n}\n");
        Map<String, Object> s = settings("""
                passdb {
                  driver = passwd-file
                  args = /etc/users
                }
                !include conf.d/auth-static.conf.ext
                userdb {
                  driver = passwd-file
                  args = /etc/users
                }
                """);
        assertEquals("static", s.get("userdb.0.driver"));
        assertEquals("passwd-file", s.get("userdb.1.driver"));
        assertEquals("passwd-file", s.get("passdb.0.driver"));
    }

    @Test
    void withoutBlocksNothingIsAdded() {
        assertFalse(settings("protocols = imap\n").keySet().stream()
                .anyMatch(k -> k.startsWith("passdb.") || k.startsWith("userdb.")));
    }
}
