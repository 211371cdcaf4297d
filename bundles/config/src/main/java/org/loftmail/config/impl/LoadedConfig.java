package org.loftmail.config.impl;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.loftmail.config.impl.catalogue.Catalogue;
import org.loftmail.config.impl.model.EffectiveSection;
import org.loftmail.config.impl.model.Problem;
import org.loftmail.config.impl.model.Section;
import org.loftmail.config.impl.project.Environment;
import org.loftmail.config.impl.project.Projection;
import org.loftmail.config.impl.project.Projections;

/**
 * A configuration as read: the tree as written, the effective view, every problem (sorted by
 * file in reading order, then line), and the paths whose change means a reload.
 */
public record LoadedConfig(Path source, Section root, EffectiveSection effective, List<Problem> problems,
        Set<Path> watched) {

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public Projection project(Catalogue catalogue, Path runDir, Path stateDir) {
        return Projections.of(effective, catalogue, new Environment(source, runDir, stateDir));
    }
}
