package org.loftmail.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.loftmail.launcher.logging.LogSink;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Boots Felix with the bundles in {@code system/}, and stops it on SIGTERM. */
final class Server {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    private static final String RELOAD_FILTER = "(&(objectClass=java.lang.Runnable)(loft.action=reload-config))";

    private final Main.LaunchOptions options;
    private final long startNanos = System.nanoTime();
    private volatile Framework framework;

    Server(Main.LaunchOptions options) {
        this.options = options;
    }

    int runUntilStopped() {
        if (!Files.isRegularFile(options.configFile())) {
            LOG.error("configuration file {} does not exist", options.configFile());
            return 1;
        }
        try {
            FrameworkProperties properties = new FrameworkProperties(options.home(), options.configFile());
            properties.createDirectories();
            PidFile pidFile = new PidFile(properties.runDir().resolve("loft.pid"));
            pidFile.write();
            framework = newFramework(properties.asMap());
            framework.init();
            registerLaunchServices(framework.getBundleContext());
            installSystemBundles(framework.getBundleContext(), options.home().resolve("system"));
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "loft-shutdown"));
            Signals.onHangup(this::reload);
            Signals.onTerminate(this::stop);
            framework.start();
            awaitReady();
            int status = awaitStop();
            pidFile.delete();
            LOG.info("stopped");
            return status;
        } catch (IOException | BundleException | InterruptedException e) {
            LOG.error("cannot start: {}", e.toString(), e);
            return 1;
        }
    }

    private static Framework newFramework(Map<String, String> properties) {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        return factory.newFramework(properties);
    }

    private void registerLaunchServices(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("loft.action", "configure-logging");
        Consumer<Map<String, String>> configureLogging = LogSink.get()::configure;
        context.registerService(Consumer.class, configureLogging, props);
    }

    private static void installSystemBundles(BundleContext context, Path dir) throws IOException, BundleException {
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                installed.add(context.installBundle("reference:" + jar.toUri()));
            }
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get("Fragment-Host") == null) {
                bundle.start();
            }
        }
    }

    private void awaitReady() throws InterruptedException {
        ServiceTracker<Object, Object> tracker = reloadTracker();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Object config = null;
            while (config == null && framework.getState() == Bundle.ACTIVE && System.nanoTime() < deadline) {
                config = tracker.waitForService(100);
            }
            if (config != null) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
                long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
                Runtime rt = Runtime.getRuntime();
                long usedMiB = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
                LOG.info("Loft ready in {} ms ({} ms since JVM start), configuration {}, heap in use {} MiB",
                        millis, uptime, options.configFile(), usedMiB);
            }
        } finally {
            tracker.close();
        }
    }

    private ServiceTracker<Object, Object> reloadTracker() {
        try {
            BundleContext context = framework.getBundleContext();
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, context.createFilter(RELOAD_FILTER), null);
            tracker.open(true);
            return tracker;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private int awaitStop() throws InterruptedException {
        FrameworkEvent event;
        do {
            event = framework.waitForStop(0);
        } while (event.getType() == FrameworkEvent.STOPPED_UPDATE);
        if (event.getType() == FrameworkEvent.ERROR) {
            LOG.error("framework stopped with an error", event.getThrowable());
            return 1;
        }
        return Integer.getInteger("loft.exit.code", 0);
    }

    private void reload() {
        LOG.info("reload requested (SIGHUP)");
        ServiceTracker<Object, Object> tracker = reloadTracker();
        try {
            Object service = tracker.getService();
            if (service instanceof Runnable reload) {
                reload.run();
            } else {
                LOG.warn("reload requested but the configuration service is not running");
            }
        } finally {
            tracker.close();
        }
    }

    private void stop() {
        Framework fw = framework;
        if (fw == null || (fw.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
            return;
        }
        LOG.info("stopping");
        try {
            fw.stop();
            fw.waitForStop(TimeUnit.SECONDS.toMillis(20));
        } catch (BundleException | InterruptedException e) {
            LOG.error("clean stop failed: {}", e.toString());
        }
    }
}
