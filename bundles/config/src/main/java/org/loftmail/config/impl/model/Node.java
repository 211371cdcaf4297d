package org.loftmail.config.impl.model;

/** A line of the configuration that means something: a setting or a section. */
public sealed interface Node permits Setting, Section {

    Location location();
}
