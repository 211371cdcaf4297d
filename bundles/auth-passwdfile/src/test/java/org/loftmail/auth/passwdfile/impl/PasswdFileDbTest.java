package org.loftmail.auth.passwdfile.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.AuthDriver.Kind;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.DbResult;
import org.loftmail.auth.impl.chain.Request;

/** The passwd-file driver on real files. */
class PasswdFileDbTest {

    private static final ClientInfo CLIENT = new ClientInfo("imap", null, null, true, false, "s1");

    @TempDir
    Path dir;

    private final PasswdFileDriver driver = new PasswdFileDriver();

    private static DbResult lookup(AuthDb db, String user) {
        return db.lookup(new Request(user, CLIENT));
    }

    private static Map<String, String> found(DbResult r) {
        return assertInstanceOf(DbResult.Found.class, r).fields();
    }

    @Test
    void passdbGivesThePasswordWithItsSchemeAndTheExtraFields() throws IOException {
        Path file = Files.writeString(dir.resolve("users"), """
                # comment
                bob@example.com:{SHA512-CRYPT}$6$abc$def:1000:1000::/home/bob::userdb_mail=maildir:~/Maildir proxy=y
                old@example.com:$1$salt$hash::::::
                nopw@example.com::::::: nopassword
                """);
        AuthDb db = driver.open(Kind.PASSDB, "scheme=MD5-CRYPT " + file);
        assertEquals(Map.of("password", "{SHA512-CRYPT}$6$abc$def", "userdb_mail", "maildir:~/Maildir", "proxy", "y"),
                found(lookup(db, "bob@example.com")));
        assertEquals(Map.of("password", "{MD5-CRYPT}$1$salt$hash"), found(lookup(db, "old@example.com")));
        assertEquals(Map.of("nopassword", ""), found(lookup(db, "nopw@example.com")));
        assertInstanceOf(DbResult.NotFound.class, lookup(db, "eve@example.com"));
    }

    @Test
    void userdbGivesUidGidHomeAndTheUserdbExtraFieldsExpanded() throws IOException {
        Path file = Files.writeString(dir.resolve("users"),
                "bob@example.com:{PLAIN}x:5000:5001:Bob:/var/mail/%d/%n:/bin/false:userdb_quota_rule=*:storage=1G "
                        + "userdb_mail=maildir:/var/mail/%d/%n/Maildir other=ignored\n");
        AuthDb db = driver.open(Kind.USERDB, file.toString());
        assertEquals(Map.of("uid", "5000", "gid", "5001", "home", "/var/mail/example.com/bob",
                "quota_rule", "*:storage=1G", "mail", "maildir:/var/mail/example.com/bob/Maildir"),
                found(lookup(db, "bob@example.com")));
    }

    @Test
    void oneFilePerDomain() throws IOException {
        Files.writeString(dir.resolve("example.com"), "bob:{PLAIN}a\n");
        Files.writeString(dir.resolve("example.org"), "bob:{PLAIN}b\n");
        AuthDb db = driver.open(Kind.PASSDB, "username_format=%n " + dir + "/%d");
        assertEquals("{PLAIN}a", found(lookup(db, "bob@example.com")).get("password"));
        assertEquals("{PLAIN}b", found(lookup(db, "bob@example.org")).get("password"));
        assertInstanceOf(DbResult.NotFound.class, lookup(db, "bob@example.net"), "a domain without a file");
    }

    @Test
    void aMissingFixedFileIsATemporaryFailure() {
        AuthDb db = driver.open(Kind.PASSDB, dir.resolve("nope").toString());
        assertInstanceOf(DbResult.Unavailable.class, lookup(db, "bob"));
    }

    @Test
    void theFileIsReadAgainWhenItChangesOrIsReplaced() throws IOException {
        Path file = Files.writeString(dir.resolve("users"), "bob:{PLAIN}one\n");
        AuthDb db = driver.open(Kind.PASSDB, file.toString());
        assertEquals("{PLAIN}one", found(lookup(db, "bob")).get("password"));
        assertInstanceOf(DbResult.NotFound.class, lookup(db, "ann"));

        Files.writeString(file, "bob:{PLAIN}two\nann:{PLAIN}x\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        assertEquals("{PLAIN}two", found(lookup(db, "bob")).get("password"));
        assertInstanceOf(DbResult.Found.class, lookup(db, "ann"));

        Path next = Files.writeString(dir.resolve("users.new"), "bob:{PLAIN}three\n");
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals("{PLAIN}three", found(lookup(db, "bob")).get("password"));
    }

    @Test
    void argsMustNameTheFile() {
        assertThrows(IllegalArgumentException.class, () -> driver.open(Kind.PASSDB, "scheme=PLAIN"));
    }
}
