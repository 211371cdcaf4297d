package org.loftmail.config.impl.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A block {@code type [name] { ... }} and what it holds, in the order written. The top level of
 * the configuration is a section too (type "", no name).
 */
public final class Section implements Node {

    private final String type;
    private final String name;
    private final Location location;
    private final List<Node> children = new ArrayList<>();

    public Section(String type, String name, Location location) {
        this.type = type;
        this.name = name;
        this.location = location;
    }

    public static Section root(Location location) {
        return new Section("", null, location);
    }

    public String type() {
        return type;
    }

    /** The name after the type ({@code imap-login}, {@code "Sent Messages"} unquoted), or null. */
    public String name() {
        return name;
    }

    public boolean isRoot() {
        return type.isEmpty();
    }

    @Override
    public Location location() {
        return location;
    }

    public List<Node> children() {
        return Collections.unmodifiableList(children);
    }

    public void add(Node node) {
        children.add(node);
    }

    /** {@code service imap-login}, {@code passdb}, {@code top level}: for messages. */
    public String label() {
        if (isRoot()) {
            return "top level";
        }
        return name == null ? type : type + " " + (name.contains(" ") ? '"' + name + '"' : name);
    }

    @Override
    public String toString() {
        return label() + " at " + location;
    }
}
