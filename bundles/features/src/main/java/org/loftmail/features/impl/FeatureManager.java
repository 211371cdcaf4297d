package org.loftmail.features.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the running bundles in line with {@code protocols} and {@code mail_plugins}: on every
 * configuration (start and each reload) the bundles of newly named features are installed and
 * started, and those of features no longer named are stopped and uninstalled, without a restart.
 */
@Component(configurationPid = "org.loftmail.features", configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class FeatureManager {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureManager.class);

    private final BundleContext context;
    private final Path featureDir;
    private final Path bundleDir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "loft-features"));
    /** Bundles this manager installed, by symbolic name, in install order. */
    private final Map<String, Bundle> installed = new LinkedHashMap<>();

    @Activate
    public FeatureManager(BundleContext context, Map<String, Object> properties) {
        this.context = context;
        this.featureDir = Path.of(property(context, "loft.features", "features"));
        this.bundleDir = Path.of(property(context, "loft.bundles", "bundles"));
        modified(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        Set<String> names = FeatureSelection.namesIn(properties);
        worker.execute(() -> apply(names));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.execute(() -> apply(Set.of()));
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void apply(Set<String> names) {
        try {
            List<String> wanted = wantedBundles(names, FeatureCatalogue.read(featureDir));
            stopUnwanted(wanted);
            startWanted(wanted, BundleFolder.read(bundleDir));
        } catch (IOException e) {
            LOG.error("cannot read features from {} or bundles from {}: {}", featureDir, bundleDir, e.toString());
        }
    }

    private List<String> wantedBundles(Set<String> names, FeatureCatalogue catalogue) {
        Set<String> bundles = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            collect(name, catalogue, bundles, seen, name);
        }
        return new ArrayList<>(bundles);
    }

    private void collect(String name, FeatureCatalogue catalogue, Set<String> bundles, Set<String> seen, String asked) {
        if (!seen.add(name)) {
            return;
        }
        Optional<Feature> feature = catalogue.find(name);
        if (feature.isEmpty()) {
            LOG.warn("the configuration names '{}' but there is no feature {}.feature in {}: it stays off",
                    asked, name, featureDir);
            return;
        }
        for (String required : feature.get().requires()) {
            collect(required, catalogue, bundles, seen, asked);
        }
        bundles.addAll(feature.get().bundles());
    }

    private void stopUnwanted(List<String> wanted) {
        List<String> names = new ArrayList<>(installed.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            if (!wanted.contains(name)) {
                Bundle bundle = installed.remove(name);
                try {
                    bundle.uninstall();
                    LOG.info("stopped bundle {} (its feature is no longer configured)", name);
                } catch (BundleException | IllegalStateException e) {
                    LOG.error("cannot stop bundle {}: {}", name, e.toString());
                }
            }
        }
    }

    private void startWanted(List<String> wanted, BundleFolder folder) {
        List<Bundle> toStart = new ArrayList<>();
        for (String name : wanted) {
            if (installed.containsKey(name) || runningElsewhere(name)) {
                continue;
            }
            Optional<Path> jar = folder.find(name);
            if (jar.isEmpty()) {
                LOG.error("bundle {} is needed by a configured feature but is not in {}", name, bundleDir);
                continue;
            }
            try {
                Bundle bundle = context.installBundle(jar.get().toUri().toString());
                installed.put(name, bundle);
                toStart.add(bundle);
            } catch (BundleException e) {
                LOG.error("cannot install bundle {} from {}: {}", name, jar.get(), e.getMessage());
            }
        }
        for (Bundle bundle : toStart) {
            try {
                bundle.start();
                LOG.info("started bundle {} {}", bundle.getSymbolicName(), bundle.getVersion());
            } catch (BundleException e) {
                LOG.error("cannot start bundle {}: {}", bundle.getSymbolicName(), e.getMessage());
            }
        }
    }

    private boolean runningElsewhere(String symbolicName) {
        return Arrays.stream(context.getBundles())
                .anyMatch(b -> symbolicName.equals(b.getSymbolicName()) && !installed.containsValue(b));
    }

    private static String property(BundleContext context, String key, String fallback) {
        String value = context.getProperty(key);
        return value != null ? value : fallback;
    }
}
