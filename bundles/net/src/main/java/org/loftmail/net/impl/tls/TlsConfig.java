package org.loftmail.net.impl.tls;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of PID {@code org.loftmail.net.tls} (see docs/configadmin.md). Method names map to
 * property names with {@code __} standing for {@code _}.
 */
@ObjectClassDefinition(name = "Loft TLS",
        description = "Certificate, key and TLS parameters for all listeners (Dovecot's ssl_* settings)")
public @interface TlsConfig {

    @AttributeDefinition(name = "ssl", description = "no, yes or required", options = {
        @org.osgi.service.metatype.annotations.Option(value = "no"),
        @org.osgi.service.metatype.annotations.Option(value = "yes"),
        @org.osgi.service.metatype.annotations.Option(value = "required")})
    String ssl() default "yes";

    @AttributeDefinition(name = "ssl_cert_path", description = "certificate chain file (PEM), watched for changes", required = false)
    String ssl__cert__path() default "";

    @AttributeDefinition(name = "ssl_key_path", description = "private key file (PEM), watched for changes", required = false)
    String ssl__key__path() default "";

    @AttributeDefinition(name = "ssl_ca_path", description = "CA file for client certificates", required = false)
    String ssl__ca__path() default "";

    @AttributeDefinition(name = "ssl_cert", description = "inline PEM certificate chain", required = false)
    String ssl__cert() default "";

    @AttributeDefinition(name = "ssl_key", description = "inline PEM private key", required = false, type = AttributeType.PASSWORD)
    String ssl__key() default "";

    @AttributeDefinition(name = "ssl_ca", description = "inline PEM CA certificates", required = false)
    String ssl__ca() default "";

    @AttributeDefinition(name = "ssl_key_password", required = false, type = AttributeType.PASSWORD)
    String ssl__key__password() default "";

    @AttributeDefinition(name = "ssl_min_protocol", description = "TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 or ANY")
    String ssl__min__protocol() default TlsProtocols.DEFAULT_MIN;

    @AttributeDefinition(name = "ssl_cipher_list", description = "OpenSSL cipher string for TLS 1.2 and below")
    String ssl__cipher__list() default TlsSettings.DEFAULT_CIPHER_LIST;

    @AttributeDefinition(name = "ssl_cipher_suites", description = "TLS 1.3 suites, colon separated; empty for the defaults", required = false)
    String ssl__cipher__suites() default "";

    @AttributeDefinition(name = "ssl_prefer_server_ciphers")
    boolean ssl__prefer__server__ciphers() default false;

    @AttributeDefinition(name = "state_dir", description = "where a generated self-signed certificate is kept "
            + "(default: framework property loft.state, else /var/lib/loft)", required = false)
    String state__dir() default "";
}
