package org.loftmail.auth.passwdfile.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.AuthDriver.Kind;
import org.loftmail.auth.contract.AuthDbContract;

/** The driver contract, with users written to a real passwd-file. */
class PasswdFileContractTest implements AuthDbContract {

    @TempDir
    Path dir;

    @Override
    public AuthDb passdbWith(Map<String, String> storedPasswords) throws Exception {
        StringBuilder text = new StringBuilder();
        storedPasswords.forEach((user, password) -> text.append(user).append(':').append(password).append("::::::\n"));
        return new PasswdFileDriver().open(Kind.PASSDB, Files.writeString(dir.resolve("passdb"), text).toString());
    }

    @Override
    public AuthDb userdbWith(Map<String, String> homes) throws Exception {
        StringBuilder text = new StringBuilder();
        homes.forEach((user, home) -> text.append(user).append("::1000:1000::").append(home).append("::\n"));
        return new PasswdFileDriver().open(Kind.USERDB, Files.writeString(dir.resolve("userdb"), text).toString());
    }
}
