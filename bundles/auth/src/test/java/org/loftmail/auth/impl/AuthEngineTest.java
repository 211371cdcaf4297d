package org.loftmail.auth.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.AuthResult.FailureKind;
import org.loftmail.api.auth.UserLookup;

/** Logins through the passdb and userdb chains, with Dovecot's rules. */
class AuthEngineTest {

    private final Fixture f = new Fixture();

    private static AuthResult.Success ok(AuthResult r) {
        return assertInstanceOf(AuthResult.Success.class, r);
    }

    private static FailureKind kind(AuthResult r) {
        return assertInstanceOf(AuthResult.Failure.class, r).kind();
    }

    @Test
    void staticUserdbExpandsVariablesForTheFormattedName() {
        f.user("users", "bob@example.com", "password", "{PLAIN}pw")
                .passdb("table", "users")
                .userdb("static", "uid=vmail gid=vmail home=/var/mail/vhosts/%d/%n");
        AuthResult.Success s = ok(f.engine().authenticate("Bob@Example.COM", "pw", Fixture.tls("203.0.113.5")));
        assertEquals("bob@example.com", s.user());
        assertEquals(Map.of("uid", "vmail", "gid", "vmail", "home", "/var/mail/vhosts/example.com/bob"), s.userdbFields());
    }

    @Test
    void defaultRealmIsAddedToBareNames() {
        f.set("auth_default_realm", "example.com").user("users", "bob@example.com", "password", "{PLAIN}pw")
                .passdb("table", "users").userdb("static", "home=/h/%u");
        assertEquals("/h/bob@example.com", ok(f.engine().authenticate("bob", "pw", Fixture.tls("203.0.113.5")))
                .userdbFields().get("home"));
    }

    @Test
    void usernameFormatCanKeepOnlyTheUserPart() {
        f.set("auth_username_format", "%Ln").user("users", "bob", "password", "{PLAIN}pw")
                .passdb("table", "users").userdb("static", "home=/h/%u");
        assertEquals("bob", ok(f.engine().authenticate("BOB@example.com", "pw", Fixture.tls("203.0.113.5"))).user());
    }

    @Test
    void unknownUserAndWrongPasswordLookAlike() {
        f.user("users", "bob", "password", "{PLAIN}pw").passdb("table", "users").userdb("static", "home=/h/%u");
        AuthEngine e = f.engine();
        AuthResult wrong = e.authenticate("bob", "nope", Fixture.tls("203.0.113.5"));
        List<?> wrongSleeps = List.copyOf(f.sleeps);
        f.sleeps.clear();
        AuthResult unknown = e.authenticate("alice", "nope", Fixture.tls("203.0.113.6"));
        assertEquals(wrong, unknown);
        assertEquals(FailureKind.CREDENTIALS, kind(wrong));
        assertEquals(wrongSleeps, f.sleeps);
    }

    @Test
    void passdbExtraFieldsFeedTheUserdbAndTheProxy() {
        f.user("users", "bob", "password", "{PLAIN}pw", "userdb_quota_rule", "*:storage=1G", "proxy", "y",
                "host", "10.1.1.1").passdb("table", "users").userdb("static", "home=/h/%n");
        AuthResult.Success s = ok(f.engine().authenticate("bob", "pw", Fixture.tls("203.0.113.5")));
        assertEquals("*:storage=1G", s.userdbFields().get("quota_rule"));
        assertEquals(Map.of("proxy", "y", "host", "10.1.1.1"), s.passdbFields());
        assertFalse(s.userdbFields().containsValue("pw"));
    }

    @Test
    void aDownDatabaseIsATemporaryFailureNotAWrongPassword() {
        f.user("sql", "bob", "password", "{PLAIN}pw").passdb("table", "sql").userdb("static", "home=/h/%n");
        f.down.put("sql", true);
        AuthEngine e = f.engine();
        assertEquals(FailureKind.TEMPORARY, kind(e.authenticate("bob", "pw", Fixture.tls("203.0.113.5"))));
        f.down.put("sql", false);
        ok(e.authenticate("bob", "pw", Fixture.tls("203.0.113.5")));
    }

    @Test
    void theNextPassdbAnswersWhenTheFirstIsDownOrDoesNotKnowTheUser() {
        f.user("b", "bob", "password", "{PLAIN}pw").passdb("table", "a").passdb("table", "b")
                .userdb("static", "home=/h/%n");
        f.down.put("a", true);
        ok(f.engine().authenticate("bob", "pw", Fixture.tls("203.0.113.5")));
    }

    @Test
    void aMissingDriverIsATemporaryFailure() {
        f.passdb("sql", "/etc/dovecot/dovecot-sql.conf.ext").userdb("static", "home=/h/%n");
        assertEquals(FailureKind.TEMPORARY, kind(f.engine().authenticate("bob", "pw", Fixture.tls("203.0.113.5"))));
    }

    @Test
    void aDenyPassdbRefusesListedUsers() {
        f.user("denied", "bob", "nopassword", "y").user("users", "bob", "password", "{PLAIN}pw")
                .user("users", "eve", "password", "{PLAIN}pw")
                .passdb("table", "denied", "deny", "yes").passdb("table", "users").userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        assertEquals(FailureKind.DISABLED, kind(e.authenticate("bob", "pw", Fixture.tls("203.0.113.5"))));
        ok(e.authenticate("eve", "pw", Fixture.tls("203.0.113.5")));
    }

    @Test
    void continueAddsFieldsOfLaterPassdbsAndSkipAuthenticatedSkips() {
        f.user("a", "bob", "password", "{PLAIN}pw").user("b", "bob", "password", "{PLAIN}pw", "host", "10.0.0.9")
                .user("c", "bob", "password", "{PLAIN}pw", "host", "never")
                .passdb("table", "a", "result_success", "continue-ok")
                .passdb("table", "b", "result_success", "continue")
                .passdb("table", "c", "skip", "authenticated")
                .userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        assertEquals("10.0.0.9", ok(e.authenticate("bob", "pw", Fixture.tls("203.0.113.5"))).passdbFields().get("host"));
        assertEquals(FailureKind.CREDENTIALS, kind(e.authenticate("bob", "bad", Fixture.tls("203.0.113.5"))));
    }

    @Test
    void resultFailureReturnFailStopsTheChain() {
        f.user("a", "bob", "password", "{PLAIN}one").user("b", "bob", "password", "{PLAIN}two")
                .passdb("table", "a", "result_failure", "return-fail").passdb("table", "b")
                .userdb("static", "home=/h/%n");
        assertEquals(FailureKind.CREDENTIALS, kind(f.engine().authenticate("bob", "two", Fixture.tls("203.0.113.5"))));
    }

    @Test
    void passdbsCanBeLimitedToMechanismsAndUserNames() {
        f.set("auth_mechanisms", "plain cram-md5")
                .user("plainonly", "bob@example.com", "password", "{SHA512-CRYPT}" + "$6$x$y")
                .user("cram", "bob@example.com", "password", "{PLAIN}pw")
                .user("admins", "root@example.com", "password", "{PLAIN}rootpw")
                .user("admins", "ann@example.com", "password", "{PLAIN}annpw")
                .passdb("table", "plainonly", "mechanisms", "plain login")
                .passdb("table", "cram", "mechanisms", "cram-md5")
                .passdb("table", "admins", "username_filter", "*@example.com !root@example.com")
                .userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        assertEquals(FailureKind.CREDENTIALS, kind(e.authenticate("bob@example.com", "pw", Fixture.tls("203.0.113.5"))),
                "the cram-md5 passdb is not asked for a plain login");
        assertEquals(FailureKind.CREDENTIALS, kind(e.authenticate("root@example.com", "rootpw", Fixture.tls("203.0.113.5"))),
                "root is filtered out");
        ok(e.authenticate("ann@example.com", "annpw", Fixture.tls("203.0.113.5")));
        assertEquals(FailureKind.CREDENTIALS, kind(e.authenticate("ann@example.org", "annpw", Fixture.tls("203.0.113.5"))));
    }

    @Test
    void allowNetsLimitsWhereAUserMayLogInFrom() {
        f.user("users", "bob", "password", "{PLAIN}pw", "allow_nets", "10.0.0.0/8,::1")
                .passdb("table", "users").userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        ok(e.authenticate("bob", "pw", Fixture.tls("10.2.3.4")));
        assertEquals(FailureKind.CREDENTIALS, kind(e.authenticate("bob", "pw", Fixture.tls("203.0.113.5"))));
    }

    @Test
    void staticPassdbWithAPasswordOrNopassword() {
        f.passdb("static", "password=letmein").userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        ok(e.authenticate("anyone", "letmein", Fixture.tls("203.0.113.5")));
        assertEquals(FailureKind.CREDENTIALS, kind(e.authenticate("anyone", "nope", Fixture.tls("203.0.113.5"))));
        Fixture g = new Fixture().passdb("static", "nopassword=y").userdb("static", "home=/h/%n");
        ok(g.engine().authenticate("x", "whatever", Fixture.tls("203.0.113.5")));
    }

    @Test
    void plaintextIsRefusedOnCleartextFromUntrustedNetworks() {
        f.set("auth_mechanisms", "plain login scram-sha-256").set("login_trusted_networks", "10.0.0.0/8")
                .passdb("static", "password=pw").userdb("static", "home=/h/%n");
        AuthEngine e = f.engine();
        assertEquals(FailureKind.PLAINTEXT_DISALLOWED, kind(e.authenticate("bob", "pw", Fixture.from("203.0.113.5", false))));
        assertEquals(List.of("SCRAM-SHA-256"), e.mechanisms(Fixture.from("203.0.113.5", false)));
        assertEquals(List.of("PLAIN", "LOGIN", "SCRAM-SHA-256"), e.mechanisms(Fixture.tls("203.0.113.5")));
        ok(e.authenticate("bob", "pw", Fixture.from("127.0.0.1", false)));
        ok(e.authenticate("bob", "pw", Fixture.from("10.9.9.9", false)));
        assertTrue(new Fixture().set("disable_plaintext_auth", "no").engine()
                .plaintextAllowed(Fixture.from("203.0.113.5", false)));
    }

    @Test
    void userLookupFindsMissesOrFailsTemporarily() {
        f.user("users", "bob@example.com", "home", "/h/bob").userdb("table", "users");
        AuthEngine e = f.engine();
        assertEquals(new UserLookup.Found("bob@example.com", Map.of("home", "/h/bob")),
                e.lookupUser("BOB@example.com", Fixture.from("127.0.0.1", false)));
        assertInstanceOf(UserLookup.NotFound.class, e.lookupUser("eve@example.com", Fixture.from("127.0.0.1", false)));
        f.down.put("users", true);
        assertInstanceOf(UserLookup.Temporary.class, e.lookupUser("bob@example.com", Fixture.from("127.0.0.1", false)));
    }

    @Test
    void aStaticUserdbAsksThePassdbsWhetherTheUserExistsUnlessAllowAllUsers() {
        f.user("sql", "bob@example.com", "password", "{PLAIN}pw").passdb("table", "sql")
                .userdb("static", "uid=vmail home=/var/mail/%d/%n");
        AuthEngine e = f.engine();
        assertEquals(new UserLookup.Found("bob@example.com", Map.of("uid", "vmail", "home", "/var/mail/example.com/bob")),
                e.lookupUser("bob@example.com", Fixture.from("127.0.0.1", false)));
        assertInstanceOf(UserLookup.NotFound.class, e.lookupUser("eve@example.com", Fixture.from("127.0.0.1", false)));
        f.down.put("sql", true);
        assertInstanceOf(UserLookup.Temporary.class, e.lookupUser("bob@example.com", Fixture.from("127.0.0.1", false)));
        Fixture g = new Fixture().passdb("table", "sql").userdb("static", "allow_all_users=yes home=/h/%n");
        assertInstanceOf(UserLookup.Found.class, g.engine().lookupUser("eve", Fixture.from("127.0.0.1", false)));
    }

    @Test
    void masterPassdbsAreLeftOutNotTreatedAsOrdinaryOnes() {
        f.user("masters", "admin", "password", "{PLAIN}pw").passdb("table", "masters", "master", "yes")
                .userdb("static", "home=/h/%n");
        assertEquals(FailureKind.CREDENTIALS, kind(f.engine().authenticate("admin", "pw", Fixture.tls("203.0.113.5"))));
    }

    @Test
    void aUserWithoutUserdbEntryCannotLogIn() {
        f.user("users", "bob", "password", "{PLAIN}pw").passdb("table", "users").userdb("table", "nobody");
        assertEquals(FailureKind.CREDENTIALS, kind(f.engine().authenticate("bob", "pw", Fixture.tls("203.0.113.5"))));
    }

    @Test
    void namesWithCharactersOutsideUsernameCharsAreRefused() {
        f.passdb("static", "nopassword=y").userdb("static", "home=/h/%n");
        assertEquals(FailureKind.CREDENTIALS, kind(f.engine().authenticate("bob'--", "x", Fixture.tls("203.0.113.5"))));
    }
}
