package org.loftmail.auth.impl.statik;

import java.util.LinkedHashMap;
import java.util.Map;
import org.loftmail.api.auth.AuthDb;
import org.loftmail.api.auth.AuthDriver;
import org.loftmail.api.auth.DbResult;
import org.loftmail.auth.impl.chain.Fields;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code static} passdb and userdb: every user exists, with the fields of {@code args}
 * ({@code uid=vmail gid=vmail home=/var/mail/vhosts/%d/%n}) after {@code %} expansion. As a
 * passdb it answers {@code password=} (PLAIN unless the value has a {@code {SCHEME}} prefix) or
 * {@code nopassword=y}.
 */
@Component(property = AuthDriver.DRIVER + "=static")
public final class StaticDriver implements AuthDriver {

    @Override
    public AuthDb open(Kind kind, String args) {
        Map<String, String> template = Fields.parse(args);
        if (kind == Kind.PASSDB && !template.containsKey("password") && !Fields.flag(template, "nopassword")) {
            throw new IllegalArgumentException("static passdb needs password= or nopassword=y in args");
        }
        template.remove("allow_all_users");
        return request -> {
            Map<String, String> fields = new LinkedHashMap<>();
            template.forEach((k, v) -> fields.put(k, request.expand(v)));
            String password = fields.get("password");
            if (password != null && !password.startsWith("{")) {
                fields.put("password", "{PLAIN}" + password);
            }
            return new DbResult.Found(fields);
        };
    }
}
