package org.loftmail.admin.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.loftmail.api.admin.AdminCommand;

/**
 * The registered commands by name; a command line finds the command whose words it starts with,
 * the longest such name winning ({@code quota recalc} before a {@code quota}). Thread-safe.
 */
final class AdminCommands {

    /** A command found for a command line, with the words after its name. */
    record Match(String name, AdminCommand command, List<String> args) {
    }

    private final Map<String, AdminCommand> byName = new TreeMap<>();

    synchronized void add(String name, AdminCommand command) {
        byName.put(normalise(name), command);
    }

    synchronized void remove(String name, AdminCommand command) {
        byName.remove(normalise(name), command);
    }

    synchronized Optional<Match> find(List<String> words) {
        for (int n = words.size(); n > 0; n--) {
            String name = String.join(" ", words.subList(0, n));
            AdminCommand c = byName.get(name);
            if (c != null) {
                return Optional.of(new Match(name, c, List.copyOf(words.subList(n, words.size()))));
            }
        }
        return Optional.empty();
    }

    /** Name and usage of every command, sorted by name. */
    synchronized Map<String, String> usages() {
        Map<String, String> out = new TreeMap<>();
        byName.forEach((name, c) -> out.put(name, c.usage()));
        return out;
    }

    private static String normalise(String name) {
        return String.join(" ", name.trim().split("\\s+"));
    }
}
