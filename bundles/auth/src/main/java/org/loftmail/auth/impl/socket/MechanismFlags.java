package org.loftmail.auth.impl.socket;

/**
 * The security flags of a {@code MECH} line, which Postfix matches against
 * {@code smtpd_sasl_security_options} (e.g. {@code noplaintext} hides PLAIN and LOGIN).
 */
final class MechanismFlags {

    private MechanismFlags() {
    }

    static String of(String mechanism) {
        return switch (mechanism) {
            case "PLAIN", "LOGIN" -> "\tplaintext";
            case "CRAM-MD5" -> "\tdictionary\tactive";
            case "ANONYMOUS" -> "\tanonymous";
            default -> mechanism.startsWith("SCRAM-") ? "\tmutual-auth" : "";
        };
    }
}
