package org.loftmail.config.impl.osgi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import org.loftmail.config.impl.ConfigLoader;
import org.loftmail.config.impl.LoadedConfig;
import org.loftmail.config.impl.project.Projection;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration named by the framework property {@code loft.config}, validates it and
 * writes the ConfigAdmin configurations of docs/configadmin.md; then reloads it when a file it
 * read changes and when the {@code loft.action=reload-config} Runnable it registers is run
 * (SIGHUP, {@code bin/loft reload}). An invalid configuration at start stops the framework with
 * {@code loft.exit.code=1}; an invalid one at reload leaves the running configuration in place.
 */
@Component(immediate = true)
public final class ConfigComponent {

    static final String CONFIG_PROPERTY = "loft.config";
    static final String RUN_PROPERTY = "loft.run";
    static final String STATE_PROPERTY = "loft.state";
    static final String EXIT_CODE_PROPERTY = "loft.exit.code";
    static final long POLL_MILLIS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigComponent.class);

    private final BundleContext context;
    private final ConfigLoader loader = new ConfigLoader();
    private final ConfigAdminWriter writer;
    private final FileWatcher watcher = new FileWatcher(this::reloadOnChange);
    private final Path file;
    private ServiceRegistration<Runnable> reloadService;

    @Activate
    public ConfigComponent(BundleContext context, @Reference(name = "configurationAdmin") ConfigurationAdmin configurationAdmin) {
        this.context = context;
        this.writer = new ConfigAdminWriter(configurationAdmin);
        String configured = context.getProperty(CONFIG_PROPERTY);
        this.file = configured == null ? null : Path.of(configured);
        start();
    }

    private void start() {
        if (file == null) {
            LOG.error("the framework property {} does not name a configuration file", CONFIG_PROPERTY);
            fail();
            return;
        }
        LoadedConfig config = loader.load(file);
        config.warnings().forEach(w -> LOG.warn("{}", w));
        if (config.hasErrors()) {
            config.errors().forEach(e -> LOG.error("{}", e));
            LOG.error("{}: the configuration has errors, Loft stops", file);
            fail();
            return;
        }
        LoggingSettings.apply(context, config);
        try {
            writer.write(project(config));
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot hand the configuration of {} to ConfigAdmin: {}", file, e.toString(), e);
            fail();
            return;
        }
        LOG.info("configuration read from {} ({} warnings)", file, config.warnings().size());
        watcher.watch(config.watched());
        watcher.start(POLL_MILLIS);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("loft.action", "reload-config");
        props.put("loft.config", file.toString());
        reloadService = context.registerService(Runnable.class, this::reload, props);
    }

    private Projection project(LoadedConfig config) {
        return config.project(loader.catalogue(), pathProperty(RUN_PROPERTY), pathProperty(STATE_PROPERTY));
    }

    private Path pathProperty(String name) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private void reloadOnChange() {
        LOG.info("a configuration file changed, reloading {}", file);
        reload();
    }

    /** Re-reads the configuration; on any error the running configuration stays. */
    synchronized void reload() {
        LoadedConfig config = loader.load(file);
        watcher.watch(config.watched());
        config.warnings().forEach(w -> LOG.warn("{}", w));
        if (config.hasErrors()) {
            config.errors().forEach(e -> LOG.error("{}", e));
            LOG.error("configuration reload failed, keeping the running configuration");
            return;
        }
        LoggingSettings.apply(context, config);
        try {
            writer.write(project(config));
            LOG.info("configuration reloaded from {}", file);
        } catch (IOException | RuntimeException e) {
            LOG.error("configuration reload failed, keeping the running configuration: {}", e.toString(), e);
        }
    }

    private void fail() {
        System.setProperty(EXIT_CODE_PROPERTY, "1");
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.error("cannot stop the framework: {}", e.toString());
            }
        }, "loft-config-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    @Deactivate
    void deactivate() {
        watcher.close();
        if (reloadService != null) {
            try {
                reloadService.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
    }

}
