package org.loftmail.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code bin/loft} of the built distribution, run as a real process; its output is collected. */
public final class LoftProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private LoftProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collect, "loft-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code bin/loft ARGS} with the test home's state folders and feature folders. */
    public static LoftProcess start(LoftTestSetup setup, String... args) throws IOException {
        return startTool(setup, "loft", args);
    }

    /** Starts {@code bin/TOOL ARGS} (loft or loftadm) with the test home's folders. */
    public static LoftProcess startTool(LoftTestSetup setup, String tool, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(LoftContainer.distribution().resolve("bin/" + tool).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LOFT_VAR", setup.dir.resolve("var").toString());
        builder.environment().put("LOFT_RUN", setup.dir.resolve("run").toString());
        builder.environment().put("LOFT_JAVA_OPTS", "-Dloft.features=" + setup.features
                + " -Dloft.bundles=" + setup.bundles + " -Dloft.deploy=" + setup.deploy);
        return new LoftProcess(builder.start());
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println("[loft] " + line);
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits for an output line matching the test and returns it. */
    public String awaitLine(Predicate<String> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (test.test(line)) {
                        return line;
                    }
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("no such line within " + timeout + "; output was:\n" + String.join("\n", lines));
                }
                lines.wait(left);
            }
        }
    }

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("bin/loft did not end within " + timeout + "; output:\n" + output());
        }
        Thread.sleep(100); // let the reader drain the last lines
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    /** Runs {@code bin/loft ARGS} to completion and returns exit status and output. */
    public static Result run(LoftTestSetup setup, String... args) throws Exception {
        return runTool(setup, "loft", args);
    }

    /** Runs {@code bin/TOOL ARGS} to completion and returns exit status and output. */
    public static Result runTool(LoftTestSetup setup, String tool, String... args) throws Exception {
        try (LoftProcess p = startTool(setup, tool, args)) {
            int status = p.waitFor(Duration.ofSeconds(60));
            return new Result(status, p.output());
        }
    }

    public record Result(int status, String output) {
    }

    static Path home() {
        return LoftContainer.distribution();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
