package org.loftmail.quota.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.loftmail.quota.impl.QuotaFixture.append;
import static org.loftmail.quota.impl.QuotaFixture.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.admin.AdminException;
import org.loftmail.api.admin.AdminReply;

/** {@code loftadm quota get|recalc}, answering as {@code doveadm quota get|recalc} does. */
class QuotaAdminCommandTest {

    @TempDir
    Path dir;

    private QuotaFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private void fixture(String... kv) {
        Map<String, Object> s = settings(kv);
        s.putIfAbsent("mail_location", "maildir:" + dir + "/%u/Maildir");
        s.putIfAbsent("plugin.quota", "maildir:User quota");
        fx = new QuotaFixture(s);
        fx.userdb.put("bob", Map.of());
    }

    @Test
    void getShowsBothResourcesWithUsageLimitAndPercent() throws Exception {
        fixture("plugin.quota_rule", "*:storage=10K");
        append(fx.open("bob"), "INBOX", 2048, 1024);
        AdminReply r = new QuotaGetCommand(fx.service).run(List.of("-u", "bob"));
        assertEquals(List.of("Quota name", "Type", "Value", "Limit", "%"), r.header());
        assertEquals(List.of(List.of("User quota", "STORAGE", "3", "10", "30"),
                List.of("User quota", "MESSAGE", "2", "-", "0")), r.rows());
        assertEquals(r, new QuotaGetCommand(fx.service).run(List.of("bob")), "-u is optional");
    }

    @Test
    void recalcCountsTheMailboxesAgainAndRewritesMaildirsize() throws Exception {
        fixture("plugin.quota_rule", "*:storage=1M");
        append(fx.open("bob"), "INBOX", 1000);
        Path maildirsize = dir.resolve("bob/Maildir/maildirsize");
        Files.writeString(maildirsize, "1048576S\n999999 77\n"); // wrong, as after a crash or a hand edit
        assertEquals(AdminReply.NONE, new QuotaRecalcCommand(fx.service).run(List.of("-u", "bob")));
        assertEquals("1048576S\n1000 1\n", Files.readString(maildirsize));
        assertEquals("1", new QuotaGetCommand(fx.service).run(List.of("bob")).rows().get(0).get(2));
    }

    @Test
    void anUnknownUserIsNoUserAndBadArgumentsAreUsage() throws Exception {
        fixture("plugin.quota_rule", "*:storage=1M");
        AdminException e = assertThrows(AdminException.class, () -> new QuotaGetCommand(fx.service).run(List.of("nobody")));
        assertEquals(AdminException.Kind.NO_USER, e.kind());
        assertEquals(67, e.kind().exitCode());
        assertEquals(AdminException.Kind.USAGE, assertThrows(AdminException.class,
                () -> new QuotaRecalcCommand(fx.service).run(List.of())).kind());
        assertEquals(AdminException.Kind.USAGE, assertThrows(AdminException.class,
                () -> new QuotaGetCommand(fx.service).run(List.of("-A"))).kind());
    }
}
