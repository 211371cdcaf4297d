package org.loftmail.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam container every integration test shares: Felix with exactly the bundles of the
 * built distribution ({@code distribution/target/loft/system}), logging through Loft's own
 * provider on the class path, and a server home made by {@link LoftTestSetup}.
 */
public final class LoftContainer {

    private LoftContainer() {
    }

    public static Option options(LoftTestSetup setup) throws IOException {
        List<Option> options = new ArrayList<>();
        // Loft's bundles import org.slf4j 2.x; Pax Exam's own bundles want [1.7,2): the 2.x API on
        // the class path serves both, as SLF4J 2 keeps the 1.7 API
        options.add(systemPackages(
                "org.slf4j;version=2.0.20", "org.slf4j.spi;version=2.0.20",
                "org.slf4j.event;version=2.0.20", "org.slf4j.helpers;version=2.0.20",
                "org.slf4j;version=1.7.36", "org.slf4j.spi;version=1.7.36", "org.slf4j.helpers;version=1.7.36"));
        options.add(frameworkProperty("loft.config").value(setup.config.toString()));
        options.add(frameworkProperty("loft.run").value(setup.dir.resolve("run").toString()));
        options.add(frameworkProperty("loft.state").value(setup.dir.resolve("state").toString()));
        options.add(frameworkProperty("loft.features").value(setup.features.toString()));
        options.add(frameworkProperty("loft.bundles").value(setup.bundles.toString()));
        options.add(frameworkProperty("felix.fileinstall.dir").value(setup.deploy.toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("300"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        for (String key : new String[] {"dir", "echoPort", "echoTlsPort", "echo2Port"}) {
            options.add(frameworkProperty("loft.test." + key).value(value(setup, key)));
        }
        for (Path jar : systemBundles()) {
            options.add(bundle(jar.toUri().toString()));
        }
        options.add(junitBundles());
        options.add(cleanCaches());
        options.add(systemTimeout(60_000));
        return composite(options.toArray(Option[]::new));
    }

    private static String value(LoftTestSetup setup, String key) {
        return switch (key) {
            case "dir" -> setup.dir.toString();
            case "echoPort" -> String.valueOf(setup.echoPort);
            case "echoTlsPort" -> String.valueOf(setup.echoTlsPort);
            case "echo2Port" -> String.valueOf(setup.echo2Port);
            default -> throw new IllegalArgumentException(key);
        };
    }

    static List<Path> systemBundles() throws IOException {
        Path system = distribution().resolve("system");
        try (Stream<Path> jars = Files.list(system)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    public static Path distribution() {
        String dist = System.getProperty("loft.dist");
        if (dist == null) {
            throw new IllegalStateException("system property loft.dist (the built distribution folder) is not set");
        }
        return Path.of(dist).toAbsolutePath().normalize();
    }
}
