package org.loftmail.api.auth;

import java.util.function.UnaryOperator;
import org.osgi.annotation.versioning.ProviderType;

/** One lookup that the auth service asks a database to answer. */
@ProviderType
public interface LookupRequest {

    /** The user name to look up, already in {@code auth_username_format}. */
    String user();

    /** The client the lookup is for. */
    ClientInfo client();

    /**
     * Expands Dovecot's {@code %} variables ({@code %u %n %d %s %r %l %Lu %1n %{user} ...})
     * for this request.
     */
    default String expand(String template) {
        return expand(template, UnaryOperator.identity());
    }

    /**
     * Expands {@code %} variables, passing each substituted value through {@code escape} (e.g. SQL
     * string escaping); the template's own text is not escaped.
     */
    String expand(String template, UnaryOperator<String> escape);
}
