package org.loftmail.config.impl.parse;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.loftmail.config.impl.model.Location;
import org.loftmail.config.impl.model.Node;
import org.loftmail.config.impl.model.Problem;
import org.loftmail.config.impl.model.Section;
import org.loftmail.config.impl.model.Setting;

/**
 * Reads a Dovecot 2.3 configuration file and everything it includes into one tree of
 * {@link Section}s and {@link Setting}s, each with its file and line. Syntax only: whether a
 * setting or section exists is the validator's business.
 *
 * <p>Beyond Dovecot: every file must close the sections it opens (a missing '}' is reported in
 * the file where the section began), and a relative {@code <file} path is relative to the
 * directory of the file that names it.
 */
public final class ConfigParser {

    private static final int MAX_INCLUDE_DEPTH = 20;

    private final FileAccess files;
    private final UnaryOperator<String> builtInValue;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<Path> watched = new LinkedHashSet<>();
    private final List<Path> read = new ArrayList<>();
    private final Deque<Section> open = new ArrayDeque<>();
    private final Deque<Path> including = new ArrayDeque<>();

    /**
     * @param files how to read files
     * @param builtInValue the built-in value of a top-level setting, for a {@code $name} that the
     *     configuration has not set (null when there is no such setting)
     */
    public ConfigParser(FileAccess files, UnaryOperator<String> builtInValue) {
        this.files = files;
        this.builtInValue = builtInValue;
    }

    /** Reads {@code top}; a parser is good for one call. */
    public ParseResult parse(Path top) {
        Path file = top.normalize();
        Section root = Section.root(new Location(file, 0));
        open.push(root);
        watched.add(file);
        try {
            readFile(file);
        } catch (NoSuchFileException e) {
            problems.add(Problem.error(new Location(file, 0), "the configuration file does not exist"));
        } catch (IOException e) {
            problems.add(Problem.error(new Location(file, 0), "cannot read the configuration file: " + reason(e)));
        }
        return new ParseResult(root, List.copyOf(problems), List.copyOf(read), Collections.unmodifiableSet(watched));
    }

    private void readFile(Path file) throws IOException {
        String text = files.read(file);
        read.add(file);
        including.push(file);
        int depthAtStart = open.size();
        for (Line line : LineLexer.lex(text)) {
            handle(file, line, depthAtStart);
        }
        while (open.size() > depthAtStart) {
            Section unclosed = open.pop();
            problems.add(Problem.error(unclosed.location(), "section '" + unclosed.label()
                    + "' is never closed: a '}' is missing before the end of " + file.getFileName()));
        }
        including.pop();
    }

    private void handle(Path file, Line line, int depthAtStart) {
        Location at = new Location(file, line.number());
        switch (line.kind()) {
            case ERROR -> problems.add(Problem.error(at, line.value()));
            case AMBIGUOUS_COMMENT -> problems.add(Problem.warning(at, "a '#' right after other text is taken"
                    + " as the start of a comment; put a space before it (or quote the value) to say what you mean"));
            case SECTION_BEGIN -> {
                Section section = new Section(line.key(), line.value(), at);
                open.peek().add(section);
                open.push(section);
            }
            case SECTION_END -> {
                if (open.size() > depthAtStart) {
                    open.pop();
                } else {
                    problems.add(Problem.error(at, "unexpected '}': no section is open here"
                            + (depthAtStart > 1 ? " in this file" : "")));
                }
            }
            case KEY_VALUE -> add(Setting.of(line.key(), line.value(), line.value(), at));
            case KEY_VARIABLE -> add(Setting.of(line.key(), expand(line.key(), line.value(), at), line.value(), at));
            case KEY_FILE -> readValueFile(line, at);
            case INCLUDE, INCLUDE_TRY -> include(file, line, at);
        }
    }

    private void add(Node node) {
        open.peek().add(node);
    }

    private void readValueFile(Line line, Location at) {
        String written = "<" + line.value();
        if (line.value().isEmpty()) {
            problems.add(Problem.error(at, line.key() + " = < needs a file name after the '<'"));
            return;
        }
        Path path = IncludeResolver.resolve(at.file(), line.value());
        watched.add(path);
        try {
            add(new Setting(line.key(), files.read(path), written, path, null, at));
        } catch (IOException e) {
            // reported by the validator, unless the setting has no effect anyway
            add(new Setting(line.key(), "", written, path, "cannot read " + path + " for " + line.key() + ": " + reason(e), at));
        }
    }

    private void include(Path file, Line line, Location at) {
        boolean optional = line.kind() == Line.Kind.INCLUDE_TRY;
        if (line.value().isEmpty()) {
            problems.add(Problem.error(at, line.key() + " needs a file name or pattern"));
            return;
        }
        IncludeResolver.Matches matches;
        try {
            matches = IncludeResolver.find(file, line.value());
        } catch (IOException e) {
            problems.add(Problem.error(at, "cannot list the files for " + line.key() + " " + line.value() + ": " + reason(e)));
            return;
        }
        if (matches.listedDirectory() != null) {
            watched.add(matches.listedDirectory());
        }
        if (matches.files().isEmpty()) {
            watched.add(IncludeResolver.resolve(file, line.value()));
            if (!optional) {
                problems.add(Problem.error(at, "!include " + line.value() + ": no such file"
                        + (IncludeResolver.hasWildcard(line.value()) ? " matches" : "")
                        + " (use !include_try for a file that may be missing)"));
            }
            return;
        }
        for (Path included : matches.files()) {
            if (including.contains(included)) {
                problems.add(Problem.error(at, "!include " + included + " includes a file that is already being read (a loop)"));
                continue;
            }
            if (including.size() >= MAX_INCLUDE_DEPTH) {
                problems.add(Problem.error(at, "includes are nested more than " + MAX_INCLUDE_DEPTH + " deep"));
                return;
            }
            watched.add(included);
            try {
                readFile(included);
            } catch (IOException e) {
                if (!optional) {
                    problems.add(Problem.error(at, "cannot read included file " + included + ": " + reason(e)));
                }
            }
        }
    }

    /**
     * Dovecot's {@code $name} expansion: each blank-separated word that starts with {@code $} is
     * replaced by the value of that setting as known at this point (the innermost open section
     * first, then the enclosing ones, then the built-in default), so {@code protocol imap {
     * mail_plugins = $mail_plugins imap_quota }} extends the top-level value and a second such
     * line in the block extends the first. {@code $ENV:NAME} is an environment variable.
     */
    private String expand(String key, String value, Location at) {
        StringBuilder out = new StringBuilder();
        String[] words = value.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (i > 0) {
                out.append(' ');
            }
            if (!word.startsWith("$") || word.length() == 1) {
                out.append(word);
            } else if (word.startsWith("$ENV:")) {
                String env = System.getenv(word.substring(5));
                out.append(env == null ? "" : env);
            } else {
                String name = word.substring(1);
                String known = lookup(name);
                if (known == null) {
                    problems.add(Problem.error(at, "unknown variable " + word + ": no setting " + name
                            + " is known at this point"));
                    out.append(word);
                } else {
                    out.append(known);
                }
            }
        }
        return out.toString();
    }

    private String lookup(String name) {
        for (Section section : open) {
            List<Node> children = section.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                if (children.get(i) instanceof Setting s && s.key().equals(name)) {
                    return s.value();
                }
            }
        }
        return builtInValue.apply(name);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
