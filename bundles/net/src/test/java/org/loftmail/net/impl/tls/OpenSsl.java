package org.loftmail.net.impl.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl binary for tests: certificates and cipher lists. */
public final class OpenSsl {

    private OpenSsl() {
    }

    /** A certificate and key file. */
    public record Pair(Path cert, Path key) {
    }

    /** Runs openssl with the arguments in {@code dir}; returns stdout. */
    public static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("openssl timed out: " + cmd);
        }
        assertEquals(0, p.exitValue(), () -> "openssl failed: " + cmd + "\n" + new String(err, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }

    /** RSA 2048, key in PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    public static Pair rsaPkcs8(Path dir, String cn) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        run(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "30",
                "-subj", "/CN=" + cn, "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        return new Pair(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    }

    /** RSA 2048, key in PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). */
    public static Pair rsaPkcs1(Path dir, String cn) throws IOException, InterruptedException {
        Pair p = rsaPkcs8(dir, cn);
        run(dir, "rsa", "-in", "key.pem", "-traditional", "-out", "key-pkcs1.pem");
        String pem = Files.readString(dir.resolve("key-pkcs1.pem"));
        if (!pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new AssertionError("not PKCS#1: " + pem.lines().findFirst().orElse(""));
        }
        return new Pair(p.cert(), dir.resolve("key-pkcs1.pem"));
    }

    /** EC P-256, key as written by {@code openssl ecparam -genkey} (EC PARAMETERS + EC PRIVATE KEY). */
    public static Pair ec(Path dir, String cn) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "eckey.pem");
        String pem = Files.readString(dir.resolve("eckey.pem"));
        if (!pem.contains("BEGIN EC PRIVATE KEY")) {
            throw new AssertionError("not an EC key: " + pem);
        }
        run(dir, "req", "-x509", "-new", "-key", "eckey.pem", "-out", "cert.pem", "-days", "30", "-subj", "/CN=" + cn,
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        return new Pair(dir.resolve("cert.pem"), dir.resolve("eckey.pem"));
    }

    /** RSA with the key as encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}). */
    public static Pair rsaEncrypted(Path dir, String cn, String password) throws IOException, InterruptedException {
        Pair p = rsaPkcs8(dir, cn);
        run(dir, "pkcs8", "-topk8", "-in", "key.pem", "-out", "key-enc.pem", "-v2", "aes-256-cbc", "-passout",
                "pass:" + password);
        return new Pair(p.cert(), dir.resolve("key-enc.pem"));
    }
}
