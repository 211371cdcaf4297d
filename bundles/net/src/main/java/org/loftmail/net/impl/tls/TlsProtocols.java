package org.loftmail.net.impl.tls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Dovecot's {@code ssl_min_protocol} as a list of JSSE protocol names. */
final class TlsProtocols {

    static final List<String> ORDER = List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    static final String DEFAULT_MIN = "TLSv1.2";

    private TlsProtocols() {
    }

    /**
     * The supported protocols from {@code min} up.
     *
     * @param problems receives a message when {@code min} is not understood (TLSv1.2 is used then)
     */
    static List<String> enabled(String min, Collection<String> supported, List<String> problems) {
        String m = min == null || min.isBlank() ? DEFAULT_MIN : min.trim();
        int from = switch (m.toUpperCase(Locale.ROOT)) {
            case "ANY" -> 0;
            case "SSLV3" -> 0;
            case "TLSV1", "TLSV1.0" -> 1;
            case "TLSV1.1" -> 2;
            case "TLSV1.2" -> 3;
            case "TLSV1.3", "LATEST" -> 4;
            default -> {
                problems.add("unknown ssl_min_protocol '" + m + "' (expected TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 or ANY): using "
                        + DEFAULT_MIN);
                yield 3;
            }
        };
        List<String> out = new ArrayList<>();
        for (int i = ORDER.size() - 1; i >= from; i--) {
            if (supported.contains(ORDER.get(i))) {
                out.add(ORDER.get(i));
            }
        }
        if (out.isEmpty()) {
            problems.add("no protocol from " + m + " up is supported; supported: " + supported);
        }
        return out;
    }
}
