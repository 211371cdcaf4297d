package org.loftmail.config.impl.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.loftmail.config.impl.model.Problem;
import org.loftmail.config.impl.model.Section;

/**
 * What the reader made of a configuration.
 *
 * @param root the top level, holding every setting and section in the order read
 * @param problems syntax errors and warnings, in the order found
 * @param files the configuration files read, in the order read
 * @param watched every file read (configuration files and {@code <file} values), every
 *     directory listed for a glob, and every path an {@code !include_try} found missing: a change
 *     to any of them may change the configuration
 */
public record ParseResult(Section root, List<Problem> problems, List<Path> files, Set<Path> watched) {
}
