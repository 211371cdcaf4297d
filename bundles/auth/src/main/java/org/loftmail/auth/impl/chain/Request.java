package org.loftmail.auth.impl.chain;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.loftmail.api.auth.ClientInfo;
import org.loftmail.api.auth.LookupRequest;
import org.loftmail.auth.impl.var.RequestVars;

/**
 * A lookup for one user on one connection; {@code fields} are what earlier databases found (for
 * {@code %{field}}); {@code mechanism} is the SASL mechanism of the login ({@code PLAIN} for a
 * plain login), or {@code none} for a lookup without a login.
 */
public record Request(String user, ClientInfo client, Map<String, String> fields, String mechanism)
        implements LookupRequest {

    public Request(String user, ClientInfo client) {
        this(user, client, Map.of(), "none");
    }

    public Request(String user, ClientInfo client, String mechanism) {
        this(user, client, Map.of(), mechanism);
    }

    public Request withUser(String newUser) {
        return new Request(newUser, client, fields, mechanism);
    }

    public Request withFields(Map<String, String> newFields) {
        return new Request(user, client, Map.copyOf(newFields), mechanism);
    }

    @Override
    public String expand(String template, UnaryOperator<String> escape) {
        return RequestVars.of(user, client, fields).expand(template, escape);
    }
}
