package org.loftmail.net.impl.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns an OpenSSL cipher string ({@code ssl_cipher_list}, e.g.
 * {@code ALL:!kRSA:!aNULL:!eNULL:!LOW@STRENGTH}) into IANA/JSSE cipher suite names, the way
 * OpenSSL's {@code SSL_CTX_set_cipher_list} orders them: elements separated by {@code :}, spaces
 * or commas; {@code A+B} intersects; {@code !} removes for good, {@code -} removes, {@code +}
 * moves to the end; {@code @STRENGTH} sorts by key length. The suite table and its HIGH, FIPS and
 * COMPLEMENTOFDEFAULT classes come from OpenSSL 3.0 itself ({@code openssl-ciphers.txt}).
 *
 * <p>Whatever cannot be mapped is returned in {@link Result#problems()} for the caller to log.
 * Known difference: the table lists the eNULL suites last, where OpenSSL keeps a few of them
 * among the others, so their relative position can differ (they are never enabled anyway).
 */
public final class OpenSslCipherList {

    /** One suite of the table. */
    record Suite(String iana, List<String> names, String version, String kx, String au, String enc, int bits,
                 String mac, Set<String> flags) {
    }

    /** Suites in order, and what could not be mapped. */
    public record Result(List<String> suites, List<String> problems) {
    }

    private static final List<Suite> TABLE;
    private static final List<Suite> TLS13;
    private static final Map<String, Suite> BY_NAME = new HashMap<>();
    private static final Map<String, Predicate<Suite>> KEYWORDS = new HashMap<>();

    static {
        List<Suite> all = load();
        TABLE = all.stream().filter(s -> !s.version().equals("TLSv1.3")).toList();
        TLS13 = all.stream().filter(s -> s.version().equals("TLSv1.3")).toList();
        for (Suite s : TABLE) {
            for (String n : s.names()) {
                BY_NAME.put(n.toUpperCase(Locale.ROOT), s);
            }
            BY_NAME.put(s.iana().toUpperCase(Locale.ROOT), s);
        }
        defineKeywords();
    }

    private OpenSslCipherList() {
    }

    /** Parses {@code cipherList}; suites come out in OpenSSL's order, as IANA names. */
    public static Result parse(String cipherList) {
        List<String> problems = new ArrayList<>();
        String spec = cipherList == null ? "" : cipherList.trim();
        if (spec.regionMatches(true, 0, "DEFAULT", 0, 7) && (spec.length() == 7 || ":, ".indexOf(spec.charAt(7)) >= 0)) {
            spec = "ALL:!COMPLEMENTOFDEFAULT:!eNULL" + spec.substring(7);
        }
        List<Entry> list = new ArrayList<>();
        for (Suite s : TABLE) {
            list.add(new Entry(s));
        }
        for (String element : spec.replace("@", ":@").split("[:, ;]+")) {
            if (element.isEmpty()) {
                continue;
            }
            char op = element.charAt(0);
            String body = op == '!' || op == '-' || op == '+' ? element.substring(1) : element;
            if (body.startsWith("@")) {
                if (body.equalsIgnoreCase("@STRENGTH")) {
                    strengthSort(list);
                } else {
                    problems.add("'" + element + "' is not applied (BouncyCastle JSSE has its own algorithm constraints)");
                }
                continue;
            }
            Predicate<Suite> match = match(body, element, problems);
            if (match == null) {
                continue;
            }
            switch (op) {
                case '!' -> list.removeIf(e -> match.test(e.suite));
                case '-' -> delete(list, match);
                case '+' -> moveToEnd(list, e -> e.active && match.test(e.suite));
                default -> add(list, match);
            }
        }
        List<String> out = list.stream().filter(e -> e.active).map(e -> e.suite.iana()).toList();
        return new Result(out, problems);
    }

    /**
     * Checks {@code ssl_cipher_suites} (TLS 1.3, colon separated IANA names, as OpenSSL's
     * {@code SSL_CTX_set_ciphersuites}).
     */
    public static Result parseTls13(String suites, Collection<String> supported) {
        List<String> problems = new ArrayList<>();
        Set<String> out = new LinkedHashSet<>();
        for (String name : suites.trim().split("[:, ]+")) {
            if (name.isEmpty()) {
                continue;
            }
            String upper = name.toUpperCase(Locale.ROOT);
            if (supported.contains(upper) && isTls13(upper)) {
                out.add(upper);
            } else if (TLS13.stream().anyMatch(s -> s.iana().equals(upper)) || isTls13(upper)) {
                problems.add("TLS 1.3 suite '" + name + "' is not supported by BouncyCastle JSSE");
            } else {
                problems.add("unknown TLS 1.3 suite '" + name + "' in ssl_cipher_suites");
            }
        }
        return new Result(List.copyOf(out), problems);
    }

    /** TLS 1.3 suites are named without key exchange: {@code TLS_AES_128_GCM_SHA256}. */
    public static boolean isTls13(String iana) {
        return iana.startsWith("TLS_") && !iana.contains("_WITH_");
    }

    /** The OpenSSL name of an IANA suite name, if the table knows it. */
    public static String openSslName(String iana) {
        Suite s = BY_NAME.get(iana.toUpperCase(Locale.ROOT));
        return s == null ? null : s.names().get(0);
    }

    private static Predicate<Suite> match(String body, String element, List<String> problems) {
        Predicate<Suite> all = s -> true;
        for (String term : body.split("\\+")) {
            if (term.isEmpty()) {
                continue;
            }
            Predicate<Suite> keyword = KEYWORDS.get(term);
            // like OpenSSL 3, keywords never select the legacy suites it no longer builds; their names still do
            Predicate<Suite> p = keyword == null ? null : keyword.and(s -> !s.flags().contains("legacy"));
            if (p == null) {
                Suite named = BY_NAME.get(term.toUpperCase(Locale.ROOT));
                if (named == null) {
                    if (isTls13(term.toUpperCase(Locale.ROOT))) {
                        problems.add("'" + term + "' is a TLS 1.3 suite: set it in ssl_cipher_suites, not ssl_cipher_list");
                    } else {
                        problems.add("unknown cipher or keyword '" + term + "' in ssl_cipher_list: element '" + element
                                + "' ignored");
                    }
                    return null;
                }
                p = s -> s == named;
            }
            all = all.and(p);
        }
        return all;
    }

    private static final class Entry {
        final Suite suite;
        boolean active;

        Entry(Suite suite) {
            this.suite = suite;
        }
    }

    private static void add(List<Entry> list, Predicate<Suite> match) {
        moveToEnd(list, e -> !e.active && match.test(e.suite), true);
    }

    private static void moveToEnd(List<Entry> list, Predicate<Entry> which) {
        moveToEnd(list, which, false);
    }

    private static void moveToEnd(List<Entry> list, Predicate<Entry> which, boolean activate) {
        List<Entry> moved = new ArrayList<>();
        list.removeIf(e -> {
            if (which.test(e)) {
                moved.add(e);
                return true;
            }
            return false;
        });
        if (activate) {
            moved.forEach(e -> e.active = true);
        }
        list.addAll(moved);
    }

    /** OpenSSL moves deleted suites to the head, so adding them again restores their order. */
    private static void delete(List<Entry> list, Predicate<Suite> match) {
        List<Entry> moved = new ArrayList<>();
        list.removeIf(e -> {
            if (e.active && match.test(e.suite)) {
                moved.add(e);
                return true;
            }
            return false;
        });
        moved.forEach(e -> e.active = false);
        list.addAll(0, moved);
    }

    private static void strengthSort(List<Entry> list) {
        List<Entry> active = new ArrayList<>(list.stream().filter(e -> e.active).toList());
        active.sort(Comparator.comparingInt((Entry e) -> e.suite.bits()).reversed());
        list.removeIf(e -> e.active);
        list.addAll(active);
    }

    private static void defineKeywords() {
        Predicate<Suite> eNull = s -> s.enc().equals("None");
        Predicate<Suite> aNull = s -> s.au().equals("None");
        kw(eNull.negate(), "ALL");
        kw(eNull, "COMPLEMENTOFALL", "eNULL", "NULL");
        kw(s -> s.flags().contains("NOTDEFAULT"), "COMPLEMENTOFDEFAULT");
        kw(s -> s.flags().contains("HIGH"), "HIGH");
        kw(s -> s.flags().contains("MEDIUM"), "MEDIUM");
        kw(s -> s.flags().contains("LOW"), "LOW");
        kw(s -> s.flags().contains("FIPS"), "FIPS");
        kw(s -> false, "EXP", "EXPORT", "EXPORT40", "EXPORT56", "kDHr", "kDHd", "kDH", "kECDHr", "kECDHe", "kECDH",
                "aDH", "aECDH", "kFZA", "aFZA", "eFZA", "FZA", "kKRB5", "aKRB5", "KRB5", "RC2", "IDEA", "SEED",
                "kGOST", "kGOST18", "aGOST", "aGOST01", "aGOST12", "GOST94", "GOST89MAC", "GOST12", "GOST89",
                "MAGMA", "KUZNYECHIK", "SSLv2");
        kw(s -> s.kx().equals("RSA"), "kRSA", "RSA");
        kw(s -> s.au().equals("RSA"), "aRSA");
        kw(s -> s.kx().equals("DH"), "kDHE", "kEDH", "DH");
        kw(s -> s.kx().equals("DH") && !aNull.test(s), "DHE", "EDH");
        kw(s -> s.kx().equals("DH") && aNull.test(s), "ADH");
        kw(s -> s.kx().equals("ECDH"), "kECDHE", "kEECDH", "ECDH");
        kw(s -> s.kx().equals("ECDH") && !aNull.test(s), "ECDHE", "EECDH");
        kw(s -> s.kx().equals("ECDH") && aNull.test(s), "AECDH");
        kw(s -> s.kx().equals("PSK"), "kPSK");
        kw(s -> s.kx().equals("RSAPSK"), "kRSAPSK");
        kw(s -> s.kx().equals("DHEPSK"), "kDHEPSK");
        kw(s -> s.kx().equals("ECDHEPSK"), "kECDHEPSK");
        kw(s -> s.kx().endsWith("PSK"), "PSK");
        kw(s -> s.au().equals("PSK"), "aPSK");
        kw(s -> s.kx().equals("SRP"), "kSRP", "SRP");
        kw(s -> s.au().equals("SRP"), "aSRP");
        kw(s -> s.au().equals("DSS"), "aDSS", "DSS");
        kw(s -> s.au().equals("ECDSA"), "aECDSA", "ECDSA");
        kw(aNull, "aNULL");
        Predicate<Suite> aes = s -> s.enc().startsWith("AES");
        kw(aes, "AES");
        kw(aes.and(s -> s.bits() == 128), "AES128");
        kw(aes.and(s -> s.bits() == 256), "AES256");
        kw(s -> s.enc().equals("AESGCM"), "AESGCM");
        kw(s -> s.enc().startsWith("AESCCM"), "AESCCM");
        kw(s -> s.enc().equals("AESCCM8"), "AESCCM8");
        Predicate<Suite> camellia = s -> s.enc().equals("Camellia");
        kw(camellia, "CAMELLIA");
        kw(camellia.and(s -> s.bits() == 128), "CAMELLIA128");
        kw(camellia.and(s -> s.bits() == 256), "CAMELLIA256");
        kw(s -> s.enc().startsWith("CHACHA20"), "CHACHA20");
        Predicate<Suite> aria = s -> s.enc().startsWith("ARIA");
        kw(aria, "ARIA", "ARIAGCM");
        kw(aria.and(s -> s.bits() == 128), "ARIA128");
        kw(aria.and(s -> s.bits() == 256), "ARIA256");
        kw(s -> s.enc().equals("3DES"), "3DES");
        kw(s -> s.enc().equals("RC4"), "RC4");
        kw(s -> s.enc().equals("DES"), "DES");
        kw(s -> s.mac().equals("MD5"), "MD5");
        kw(s -> s.mac().equals("SHA1"), "SHA1", "SHA");
        kw(s -> s.mac().equals("SHA256"), "SHA256");
        kw(s -> s.mac().equals("SHA384"), "SHA384");
        kw(s -> s.version().equals("SSLv3"), "SSLv3");
        kw(s -> s.version().equals("TLSv1"), "TLSv1", "TLSv1.0");
        kw(s -> s.version().equals("TLSv1.2"), "TLSv1.2");
    }

    private static void kw(Predicate<Suite> p, String... names) {
        for (String n : names) {
            KEYWORDS.put(n, p);
        }
    }

    private static List<Suite> load() {
        List<Suite> out = new ArrayList<>();
        try (InputStream in = OpenSslCipherList.class.getResourceAsStream("openssl-ciphers.txt")) {
            if (in == null) {
                throw new IllegalStateException("openssl-ciphers.txt missing from the bundle");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                out.add(new Suite(f[0], List.of(f[1].split("\\|")), f[2], f[3], f[4], f[5], Integer.parseInt(f[6]), f[7],
                        Set.copyOf(Arrays.asList(f[8].split(",")))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
