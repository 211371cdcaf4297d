package org.loftmail.auth.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loftmail.api.auth.AuthDriver;
import org.loftmail.api.auth.AuthResult;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.auth.impl.statik.StaticDriver;

/** The DS component as SCR drives it: drivers arriving and leaving, configuration updates. */
class AuthComponentTest {

    private static final ClientInfo LOCAL = new ClientInfo("imap", null, null, false, true, "s1");

    @Test
    void driversAndConfigurationCanComeInAnyOrder() {
        AuthComponent c = new AuthComponent();
        c.configure(Map.of("auth_failure_delay", "0", "passdb.0.driver", "static", "passdb.0.args", "password=pw",
                "userdb.0.driver", "static", "userdb.0.args", "home=/h/%n"));
        assertEquals(AuthResult.FailureKind.TEMPORARY,
                assertInstanceOf(AuthResult.Failure.class, c.authenticate("bob", "pw", LOCAL)).kind(),
                "no static driver yet");
        StaticDriver driver = new StaticDriver();
        Map<String, Object> props = Map.of(AuthDriver.DRIVER, "static");
        c.addDriver(driver, props);
        assertInstanceOf(AuthResult.Success.class, c.authenticate("bob", "pw", LOCAL));
        c.configure(Map.of("auth_failure_delay", "0", "passdb.0.driver", "static", "passdb.0.args", "password=new",
                "userdb.0.driver", "static", "userdb.0.args", "home=/h/%n"));
        assertInstanceOf(AuthResult.Success.class, c.authenticate("bob", "new", LOCAL));
        c.removeDriver(driver, props);
        assertEquals(AuthResult.FailureKind.TEMPORARY,
                assertInstanceOf(AuthResult.Failure.class, c.authenticate("bob", "new", LOCAL)).kind());
        c.deactivate();
    }

    @Test
    void anInvalidUpdateKeepsThePreviousConfiguration() {
        AuthComponent c = new AuthComponent();
        c.addDriver(new StaticDriver(), Map.of(AuthDriver.DRIVER, "static"));
        c.configure(Map.of("auth_failure_delay", "0", "passdb.0.driver", "static", "passdb.0.args", "password=pw",
                "userdb.0.driver", "static", "userdb.0.args", "home=/h/%n"));
        c.configure(Map.of("passdb.0.driver", "static", "passdb.0.result_success", "bogus"));
        assertInstanceOf(AuthResult.Success.class, c.authenticate("bob", "pw", LOCAL));
    }
}
