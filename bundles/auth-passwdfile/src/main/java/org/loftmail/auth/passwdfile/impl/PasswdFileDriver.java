package org.loftmail.auth.passwdfile.impl;

import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.AuthDriver;
import org.osgi.service.component.annotations.Component;

/**
 * {@code driver = passwd-file}: {@code args = [scheme=SCHEME] [username_format=FORMAT] PATH},
 * PATH may hold {@code %} variables (one file per domain: {@code /etc/dovecot/users/%d}).
 */
@Component(property = AuthDriver.DRIVER + "=passwd-file")
public final class PasswdFileDriver implements AuthDriver {

    @Override
    public AuthDb open(Kind kind, String args) {
        return new PasswdFileDb(kind, PasswdFileArgs.parse(args));
    }
}
