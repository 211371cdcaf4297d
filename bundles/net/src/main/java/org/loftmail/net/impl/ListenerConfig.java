package org.loftmail.net.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of a listener, factory PID {@code org.loftmail.net.listener} (see
 * docs/configadmin.md). Method names map to property names: {@code __} stands for {@code _} and
 * a single {@code _} for {@code .}.
 */
@ObjectClassDefinition(name = "Loft listener",
        description = "One inet_listener or unix_listener of a service")
public @interface ListenerConfig {

    @AttributeDefinition(name = "name", description = "listener name (imaps); the path for unix listeners")
    String name() default "";

    @AttributeDefinition(name = "service", description = "service name (imap-login): scope of the connection limits")
    String service() default "";

    @AttributeDefinition(name = "protocol", description = "protocol served (imap, pop3, lmtp, sieve)")
    String protocol() default "";

    @AttributeDefinition(name = "protocol.target", description = "DS target of the Protocol reference: (protocol=NAME)")
    String protocol_target() default "(protocol=*)";

    @AttributeDefinition(name = "type", options = {@Option(value = "inet"), @Option(value = "unix")})
    String type() default "inet";

    @AttributeDefinition(name = "address", description = "addresses to bind: * (all IPv4), :: (all IPv6), literals, host names")
    String[] address() default {"*", "::"};

    @AttributeDefinition(name = "port", description = "inet port; 0 disables the listener", min = "0", max = "65535")
    int port() default 0;

    @AttributeDefinition(name = "path", description = "unix socket path", required = false)
    String path() default "";

    @AttributeDefinition(name = "mode", description = "octal mode of the unix socket file", required = false)
    String mode() default "0600";

    @AttributeDefinition(name = "user", description = "owner of the unix socket file (empty = leave as is)", required = false)
    String user() default "";

    @AttributeDefinition(name = "group", description = "group of the unix socket file (empty = leave as is)", required = false)
    String group() default "";

    @AttributeDefinition(name = "ssl", description = "implicit TLS")
    boolean ssl() default false;

    @AttributeDefinition(name = "haproxy", description = "expect a HAProxy PROXY v1/v2 header first")
    boolean haproxy() default false;

    @AttributeDefinition(name = "client_limit", description = "most connections of the service at once (0 = no limit)", min = "0")
    int client__limit() default 1000;

    @AttributeDefinition(name = "connection_limit_per_ip",
            description = "most connections of the service from one address at once (0 = no limit)", min = "0")
    int connection__limit__per__ip() default 0;
}
