package org.loftmail.auth.impl.sasl;

/** A SASL mechanism: a name and a factory of server-side exchanges. Stateless, thread-safe. */
public interface Mechanism {

    /** The mechanism's name as advertised. */
    String name();

    /** Whether the password crosses the wire in the clear (refused by {@code disable_plaintext_auth}). */
    boolean plaintext();

    /** A new exchange. */
    MechanismSession start(SaslContext context);
}
