package org.loftmail.config.impl.project;

import java.nio.file.Path;

/**
 * What the projections need to know besides the files.
 *
 * @param source the top configuration file (goes into {@code loft.source})
 * @param runDir the framework property {@code loft.run}: base_dir when the configuration sets none (may be null)
 * @param stateDir the framework property {@code loft.state}: state_dir when the configuration sets none (may be null)
 */
public record Environment(Path source, Path runDir, Path stateDir) {
}
