package org.loftmail.auth.sql.impl;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private MariaDB server for tests (Debian's mariadb-server; `.ci/run` installs it): its own
 * data folder and loopback port, started with {@code --no-defaults} so nothing of the machine's
 * configuration is read, stopped by its PID. Can be stopped and started again on the same data
 * to test outages.
 */
final class MariaDbServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    private MariaDbServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static MariaDbServer start() throws Exception {
        Path dir = Files.createTempDirectory("loft-mariadb-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MariaDbServer server = new MariaDbServer(dir, port);
        run(List.of(tool("mariadb-install-db"), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--auth-root-authentication-method=normal", "--user=" + System.getProperty("user.name")));
        server.startServer();
        return server;
    }

    int port() {
        return port;
    }

    void startServer() throws Exception {
        List<String> command = new ArrayList<>(List.of(tool("mariadbd"), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--socket=" + dir.resolve("mysqld.sock"),
                "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve",
                "--pid-file=" + dir.resolve("mysqld.pid"), "--log-error=" + dir.resolve("error.log")));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (sql("SELECT 1").exitValue() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("MariaDB did not start; see " + dir.resolve("error.log"));
    }

    void stopServer() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Runs SQL as root through the mariadb client over the server's socket. */
    Process sql(String statements) throws IOException, InterruptedException {
        Process client = new ProcessBuilder(tool("mariadb"), "--no-defaults", "-S", dir.resolve("mysqld.sock").toString(),
                "-uroot", "-e", statements).redirectErrorStream(true).start();
        client.getInputStream().readAllBytes();
        client.waitFor(30, TimeUnit.SECONDS);
        return client;
    }

    void execute(String statements) throws IOException, InterruptedException {
        Process client = sql(statements);
        if (client.exitValue() != 0) {
            throw new IllegalStateException("SQL failed: " + statements);
        }
    }

    private static String tool(String name) {
        for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/usr/local/bin"}) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new IllegalStateException(name + " not found: install Debian's mariadb-server (.ci/run does)");
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    @Override
    public void close() throws Exception {
        stopServer();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
