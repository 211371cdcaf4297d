package org.loftmail.config.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.loftmail.config.impl.catalogue.Catalogue;
import org.loftmail.config.impl.catalogue.NoEffect;
import org.loftmail.config.impl.model.EffectiveSection;
import org.loftmail.config.impl.model.Problem;
import org.loftmail.config.impl.parse.ConfigParser;
import org.loftmail.config.impl.parse.FileAccess;
import org.loftmail.config.impl.parse.ParseResult;
import org.loftmail.config.impl.validate.Validator;

/** Reads and validates a configuration: the one entry point for the CLI and the OSGi component. */
public final class ConfigLoader {

    private final Catalogue catalogue;
    private final NoEffect noEffect;
    private final FileAccess files;

    public ConfigLoader() {
        this(Catalogue.standard(), NoEffect.standard(), FileAccess.DISK);
    }

    public ConfigLoader(Catalogue catalogue, NoEffect noEffect, FileAccess files) {
        this.catalogue = catalogue;
        this.noEffect = noEffect;
        this.files = files;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public LoadedConfig load(Path top) {
        ParseResult parsed = new ConfigParser(files, catalogue::topDefault).parse(top);
        List<Problem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(new Validator(catalogue, noEffect).validate(parsed.root()));
        problems.sort(Comparator.<Problem>comparingInt(p -> fileOrder(parsed.files(), p.location().file()))
                .thenComparingInt(p -> p.location().line()));
        return new LoadedConfig(top.normalize(), parsed.root(), EffectiveSection.of(parsed.root()),
                List.copyOf(problems), parsed.watched());
    }

    private static int fileOrder(List<Path> files, Path file) {
        int i = files.indexOf(file);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
