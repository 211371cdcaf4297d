package org.loftmail.net.impl.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the BCJSSE {@link SSLContext} from the configured PEM files (or a self-signed
 * certificate), and swaps in a new one when the files change. Plain class: {@link TlsComponent}
 * wraps it for OSGi, tests use it directly.
 */
public final class TlsManager implements TlsContextProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TlsManager.class);
    /** Messages already logged: each problem with the configuration is logged once. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private final TlsSettings settings;
    private final List<Consumer<ServerTls>> reloadListeners = new CopyOnWriteArrayList<>();
    private volatile ServerTls current;
    private List<Stamp> stamps = List.of();
    private ScheduledExecutorService watcher;

    public TlsManager(TlsSettings settings) {
        this.settings = settings;
    }

    /** Loads the certificate and starts watching its files. Never throws: problems are logged. */
    public synchronized void start() {
        if (settings.disabled()) {
            LOG.info("ssl = no: TLS is switched off");
            return;
        }
        String ssl = settings.ssl().trim().toLowerCase(java.util.Locale.ROOT);
        if (!ssl.equals("yes") && !ssl.equals("required")) {
            logOnce("unknown ssl value '" + settings.ssl() + "' (expected no, yes or required): TLS stays on");
        }
        if (!settings.caPath().isBlank() || !settings.ca().isBlank()) {
            logOnce("ssl_ca is set, but client certificate verification is not supported yet: it is ignored");
        }
        try {
            stamps = stamp();
            current = load();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.error("TLS is not available: cannot load the certificate ({}): {}", describeSource(), e.getMessage());
        }
        if (!settings.certPath().isBlank() || !settings.keyPath().isBlank()) {
            ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "loft-tls-watch");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(10, settings.pollInterval().toMillis());
            w.scheduleWithFixedDelay(this::pollQuietly, ms, ms, TimeUnit.MILLISECONDS);
            watcher = w;
        }
    }

    @Override
    public ServerTls current() {
        return current;
    }

    @Override
    public boolean disabled() {
        return settings.disabled();
    }

    public TlsSettings settings() {
        return settings;
    }

    /** Called with the new configuration after each successful reload. */
    public void addReloadListener(Consumer<ServerTls> listener) {
        reloadListeners.add(listener);
    }

    /**
     * Reloads when the watched files changed since the last look. A file that does not parse
     * keeps the previous certificate and is reported (once per change).
     *
     * @return whether a new certificate is now in use
     */
    public synchronized boolean reloadIfChanged() {
        if (settings.disabled()) {
            return false;
        }
        List<Stamp> now = stamp();
        if (now.equals(stamps)) {
            return false;
        }
        stamps = now;
        ServerTls loaded;
        try {
            loaded = load();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn("TLS certificate files changed but cannot be used, keeping the previous certificate: {}: {}",
                    describeSource(), e.getMessage());
            return false;
        }
        current = loaded;
        LOG.info("TLS certificate reloaded: {}", describe(loaded.certificate()));
        reloadListeners.forEach(l -> l.accept(loaded));
        return true;
    }

    private void pollQuietly() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.warn("checking the TLS certificate files failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }

    // ---- loading

    private ServerTls load() throws IOException, GeneralSecurityException {
        PemKeyMaterial material;
        String source;
        if (settings.certificateConfigured()) {
            String certPem = settings.certPath().isBlank() ? settings.cert() : read(settings.certPath(), "ssl_cert");
            String keyPem = !settings.keyPath().isBlank() ? read(settings.keyPath(), "ssl_key")
                    : !settings.key().isBlank() ? settings.key() : certPem;
            material = PemKeyMaterial.parse(certPem, keyPem, settings.keyPassword().toCharArray());
            source = describeSource();
        } else {
            Path stateDir = settings.stateDir() == null ? Path.of("/var/lib/loft") : settings.stateDir();
            SelfSignedCertificate.Location self = SelfSignedCertificate.loadOrCreate(stateDir);
            material = PemKeyMaterial.parse(Files.readString(self.certificate(), StandardCharsets.US_ASCII),
                    Files.readString(self.key(), StandardCharsets.US_ASCII), null);
            LOG.info("no ssl_cert configured: using self-signed certificate {} ({})", self.certificate(),
                    self.generated() ? "generated" : "reused");
            source = self.certificate().toString();
        }
        ServerTls tls = build(material);
        X509Certificate cert = material.certificate();
        if (cert.getNotAfter().toInstant().isBefore(Instant.now())) {
            LOG.warn("TLS certificate {} has expired: {}", source, describe(cert));
        } else if (cert.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(14)))) {
            LOG.warn("TLS certificate {} expires soon: {}", source, describe(cert));
        }
        LOG.info("TLS certificate loaded from {}: {}; protocols {}; {} cipher suites", source, describe(cert),
                tls.protocols(), tls.cipherSuites().size());
        return tls;
    }

    private ServerTls build(PemKeyMaterial material) throws GeneralSecurityException, IOException {
        char[] storePassword = "loft".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12", BcProviders.bc());
        store.load(null, null);
        store.setKeyEntry("server", material.privateKey(), storePassword,
                material.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX", BcProviders.jsse());
        kmf.init(store, storePassword);
        SSLContext context = SSLContext.getInstance("TLS", BcProviders.jsse());
        context.init(kmf.getKeyManagers(), null, new SecureRandom());

        SSLParameters supported = context.getSupportedSSLParameters();
        SSLParameters defaults = context.getDefaultSSLParameters();
        List<String> problems = new ArrayList<>();
        List<String> protocols = TlsProtocols.enabled(settings.minProtocol(), List.of(supported.getProtocols()), problems);
        if (protocols.isEmpty()) {
            protocols = List.of(defaults.getProtocols());
        }
        List<String> suites = cipherSuites(protocols, Set.of(supported.getCipherSuites()),
                List.of(defaults.getCipherSuites()), problems);
        problems.forEach(TlsManager::logOnce);
        return new ServerTls(context, protocols, suites, settings.preferServerCiphers(), material.certificate());
    }

    private List<String> cipherSuites(List<String> protocols, Set<String> supported, List<String> defaults,
                                      List<String> problems) {
        List<String> out = new ArrayList<>();
        if (protocols.contains("TLSv1.3")) {
            List<String> tls13 = defaults.stream().filter(OpenSslCipherList::isTls13).toList();
            if (!settings.cipherSuites().isBlank()) {
                OpenSslCipherList.Result r = OpenSslCipherList.parseTls13(settings.cipherSuites(), supported);
                problems.addAll(r.problems());
                if (r.suites().isEmpty()) {
                    problems.add("ssl_cipher_suites '" + settings.cipherSuites() + "' leaves no TLS 1.3 suite: using the defaults");
                } else {
                    tls13 = r.suites();
                }
            }
            out.addAll(tls13);
        }
        if (protocols.stream().anyMatch(p -> !p.equals("TLSv1.3"))) {
            OpenSslCipherList.Result r = OpenSslCipherList.parse(settings.cipherList());
            problems.addAll(r.problems());
            List<String> usable = r.suites().stream().filter(supported::contains).toList();
            List<String> unsupported = r.suites().stream().filter(s -> !supported.contains(s))
                    .map(OpenSslCipherList::openSslName).toList();
            if (!unsupported.isEmpty()) {
                logOnceInfo("ssl_cipher_list: " + unsupported.size() + " of its suites are not supported by BouncyCastle JSSE"
                        + " and are left out: " + unsupported);
            }
            if (usable.isEmpty()) {
                problems.add("ssl_cipher_list '" + settings.cipherList()
                        + "' leaves no cipher suite BouncyCastle JSSE supports: using the defaults");
                usable = defaults.stream().filter(s -> !OpenSslCipherList.isTls13(s)).toList();
            }
            out.addAll(usable);
        }
        return out;
    }

    private static String read(String file, String setting) throws IOException {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IOException(setting + " file " + file + " does not exist", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(setting + " file " + file + " is not a PEM file", e);
        } catch (IOException e) {
            throw new IOException("cannot read " + setting + " file " + file + ": " + e.getMessage(), e);
        }
    }

    private String describeSource() {
        if (!settings.certPath().isBlank()) {
            return settings.certPath() + (settings.keyPath().isBlank() ? "" : " + " + settings.keyPath());
        }
        return settings.cert().isBlank() ? "self-signed" : "inline ssl_cert";
    }

    static String describe(X509Certificate cert) {
        return "subject " + cert.getSubjectX500Principal().getName() + ", expires " + cert.getNotAfter().toInstant();
    }

    private static void logOnce(String message) {
        if (LOGGED.add(message)) {
            LOG.warn("{}", message);
        }
    }

    private static void logOnceInfo(String message) {
        if (LOGGED.add(message)) {
            LOG.info("{}", message);
        }
    }

    // ---- change detection

    private record Stamp(String path, long modified, long size, long crc) {
    }

    private List<Stamp> stamp() {
        List<Stamp> out = new ArrayList<>();
        for (String p : List.of(settings.certPath(), settings.keyPath())) {
            if (p.isBlank()) {
                continue;
            }
            Path path = Path.of(p);
            try {
                byte[] content = Files.readAllBytes(path);
                CRC32 crc = new CRC32();
                crc.update(content);
                out.add(new Stamp(p, Files.getLastModifiedTime(path).toMillis(), content.length, crc.getValue()));
            } catch (IOException e) {
                out.add(new Stamp(p, -1, -1, -1));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "TlsManager[" + describeSource() + ", protocols " + (current == null ? "-" : current.protocols()) + "]";
    }
}
