package org.loftmail.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Constants;

/** The properties Felix and Loft's bundles read at boot. */
final class FrameworkProperties {

    /** The logging API lives on the launcher's class path so it works before any bundle starts. */
    static final String SLF4J_PACKAGES = String.join(",",
            "org.slf4j;version=2.0.20", "org.slf4j.spi;version=2.0.20",
            "org.slf4j.event;version=2.0.20", "org.slf4j.helpers;version=2.0.20");

    private final Path home;
    private final Path configFile;

    FrameworkProperties(Path home, Path configFile) {
        this.home = home;
        this.configFile = configFile;
    }

    Path varDir() {
        return Path.of(System.getProperty("loft.var", home.resolve("var").toString()));
    }

    Path runDir() {
        return Path.of(System.getProperty("loft.run", varDir().resolve("run").toString()));
    }

    Path stateDir() {
        return Path.of(System.getProperty("loft.state", varDir().resolve("lib").toString()));
    }

    Path deployDir() {
        return Path.of(System.getProperty("loft.deploy", home.resolve("deploy").toString()));
    }

    void createDirectories() throws IOException {
        Files.createDirectories(runDir());
        Files.createDirectories(stateDir());
        Files.createDirectories(deployDir());
    }

    Map<String, String> asMap() {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, varDir().resolve("cache/felix").toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SLF4J_PACKAGES);
        p.put("loft.home", home.toString());
        p.put("loft.config", configFile.toString());
        p.put("loft.run", runDir().toString());
        p.put("loft.state", stateDir().toString());
        p.put("loft.features", System.getProperty("loft.features", home.resolve("features").toString()));
        p.put("loft.bundles", System.getProperty("loft.bundles", home.resolve("bundles").toString()));
        p.put("felix.fileinstall.dir", deployDir().toString());
        p.put("felix.fileinstall.poll", "500");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.log.level", "2");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("gosh.args", "--nointeractive");
        p.put("ds.loglevel", "warn");
        return p;
    }
}
