package org.loftmail.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.loftmail.itests.echo.EchoActivator;
import org.loftmail.itests.echo.EchoProtocol;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * A server home for one test class, made on the test driver's side: free ports, a PEM
 * certificate made by {@code openssl req}, Dovecot-syntax configuration, the echo test bundles,
 * and the features that name them.
 */
public final class LoftTestSetup {

    public final Path dir;
    public final int echoPort;
    public final int echoTlsPort;
    public final int echo2Port;
    public final Path unixSocket;
    public final Path cert;
    public final Path key;
    public final Path config;
    public final Path deploy;
    public final Path features;
    public final Path bundles;
    public final Path echo2Jar;

    private LoftTestSetup(Path dir) throws IOException {
        this.dir = dir;
        this.echoPort = freePort();
        this.echoTlsPort = freePort();
        this.echo2Port = freePort();
        this.unixSocket = dir.resolve("run/echo.sock");
        this.cert = dir.resolve("ssl/cert.pem");
        this.key = dir.resolve("ssl/key.pem");
        this.config = dir.resolve("etc/dovecot.conf");
        this.deploy = dir.resolve("deploy");
        this.features = dir.resolve("features");
        this.bundles = dir.resolve("bundles");
        this.echo2Jar = dir.resolve("echo2.jar");
    }

    /**
     * Makes a fresh home. The echo protocol is a feature with its bundle in bundles/; echo2 is
     * one too when {@code echo2Feature}, else its bundle waits beside them to be dropped into
     * deploy/.
     */
    /** Adds the distribution's features (imap, pop3, lmtp, quota, ...) and their bundles. */
    public void addDistributionFeatures() throws IOException {
        Path dist = LoftContainer.distribution();
        try (var list = Files.list(dist.resolve("features"))) {
            for (Path f : list.toList()) {
                Files.copy(f, features.resolve(f.getFileName()));
            }
        }
        try (var jars = Files.list(dist.resolve("bundles"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, bundles.resolve(jar.getFileName()));
            }
        }
    }

    public static LoftTestSetup create(String protocols, boolean echo2Feature) throws Exception {
        LoftTestSetup setup = new LoftTestSetup(Files.createTempDirectory("loft-it-"));
        for (String sub : new String[] {"etc", "ssl", "run", "state", "deploy", "features", "bundles"}) {
            Files.createDirectories(setup.dir.resolve(sub));
        }
        setup.makeCertificate("rsa:2048", "localhost");
        writeEchoBundle(setup.bundles.resolve("echo.jar"), "org.loftmail.itests.echo", "echo");
        writeEchoBundle(setup.echo2Jar, "org.loftmail.itests.echo2", "echo2");
        Files.writeString(setup.features.resolve("echo.feature"),
                "description = the echo test protocol\nbundles = org.loftmail.itests.echo\n");
        if (echo2Feature) {
            Files.copy(setup.echo2Jar, setup.bundles.resolve("echo2.jar"));
            Files.writeString(setup.features.resolve("echo2.feature"),
                    "description = the second echo test protocol\nbundles = org.loftmail.itests.echo2\n");
        }
        setup.writeConfig(protocols);
        return setup;
    }

    public void writeConfig(String protocols) throws IOException {
        Files.writeString(config, """
                # Loft integration test configuration (Dovecot 2.3 syntax)
                protocols = %s
                listen = 127.0.0.1, ::1
                base_dir = %s
                ssl = yes
                ssl_cert = <%s
                ssl_key = <%s
                loft_connection_limit_per_ip = 12

                service echo-login {
                  inet_listener echo {
                    port = %d
                  }
                  inet_listener echos {
                    port = %d
                    ssl = yes
                  }
                  unix_listener %s {
                    mode = 0660
                  }
                }
                service echo2-login {
                  inet_listener echo2 {
                    port = %d
                  }
                }
                """.formatted(protocols, dir.resolve("run"), cert, key, echoPort, echoTlsPort, unixSocket, echo2Port));
    }

    /** {@code openssl req} makes the certificate, so TLS is tested against a real tool's PEM. */
    public void makeCertificate(String keySpec, String commonName) throws IOException, InterruptedException {
        run("openssl", "req", "-x509", "-newkey", keySpec, "-nodes", "-days", "400",
                "-subj", "/CN=" + commonName, "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
                "-keyout", key.toString(), "-out", cert.toString());
    }

    static void writeEchoBundle(Path target, String symbolicName, String protocol) throws IOException {
        try (InputStream jar = TinyBundles.bundle()
                .addClass(EchoActivator.class)
                .addClass(EchoProtocol.class)
                .addClass(Class.forName("org.loftmail.itests.echo.EchoSession"))
                .symbolicName(symbolicName)
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Loft-Test-Protocol", protocol)
                .activator(EchoActivator.class)
                .build(TinyBundles.bndBuilder())) {
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
