package org.loftmail.auth.sql.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dovecot's {@code dovecot-sql.conf.ext}: flat {@code key = value} lines, {@code #} comments,
 * values continued with a trailing {@code \}, optionally in double quotes. Unknown keys and
 * lines that are not settings are reported with file:line.
 */
public record SqlConfFile(Path file, Map<String, String> settings, List<String> problems) {

    static final Set<String> KEYS = Set.of("driver", "connect", "default_pass_scheme", "password_query",
            "user_query", "iterate_query", "update_query");

    public static SqlConfFile read(Path file) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            StringBuilder logical = new StringBuilder(lines.get(i).strip());
            while (logical.toString().endsWith("\\") && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(' ').append(lines.get(++i).strip());
            }
            String line = logical.toString().strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(file + ":" + lineNo + ": expected 'key = value', found '" + line + "'");
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!KEYS.contains(key)) {
                problems.add(file + ":" + lineNo + ": unknown setting " + key + " (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
                continue;
            }
            settings.put(key, unquote(line.substring(eq + 1).strip().replaceAll("\\s+", " ")));
        }
        return new SqlConfFile(file, Map.copyOf(settings), List.copyOf(problems));
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
    }

    public String get(String key) {
        return settings.get(key);
    }
}
