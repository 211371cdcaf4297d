package org.loftmail.config.impl.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loftmail.config.impl.catalogue.Catalogue;
import org.loftmail.config.impl.catalogue.NoEffect;
import org.loftmail.config.impl.catalogue.SettingDef;
import org.loftmail.config.impl.model.Node;
import org.loftmail.config.impl.model.Problem;
import org.loftmail.config.impl.model.Section;
import org.loftmail.config.impl.model.Setting;

/**
 * Checks a parsed configuration against the catalogue: every section type and setting name must
 * be known where it is written (an error otherwise, with a suggestion), values must fit their
 * type, and settings Loft has no use for are reported as warnings with the reason.
 */
public final class Validator {

    private final Catalogue catalogue;
    private final NoEffect noEffect;
    private final List<Problem> problems = new ArrayList<>();

    public Validator(Catalogue catalogue, NoEffect noEffect) {
        this.catalogue = catalogue;
        this.noEffect = noEffect;
    }

    /** The problems of {@code root}, in the order written. */
    public List<Problem> validate(Section root) {
        problems.clear();
        visit(root, new Scope(Catalogue.TOP, "", false, false, false));
        return List.copyOf(problems);
    }

    /**
     * Where the walk is.
     *
     * @param path section type path of the settings here ("." inside filters)
     * @param instance built-in section path ({@code service imap-login}), "" at the top, null when unknown
     * @param inProtocol inside a {@code protocol { }} block
     * @param inFilter inside a {@code local}/{@code remote}/{@code local_name} block
     * @param silenced the whole section was already reported as having no effect
     */
    private record Scope(String path, String instance, boolean inProtocol, boolean inFilter, boolean silenced) {
    }

    private void visit(Section section, Scope scope) {
        boolean freeForm = SectionRules.FREE_FORM.contains(section.type());
        for (Node child : section.children()) {
            if (child instanceof Setting setting) {
                if (!freeForm) {
                    checkSetting(setting, scope);
                } else if (setting.fileError() != null) {
                    problems.add(Problem.error(setting.location(), setting.fileError()));
                }
            } else if (child instanceof Section sub) {
                if (freeForm) {
                    problems.add(Problem.error(sub.location(), section.type() + " { } holds only 'key = value' lines,"
                            + " not sections such as '" + sub.label() + "'"));
                } else {
                    checkSection(sub, scope);
                }
            }
        }
    }

    private void checkSection(Section section, Scope scope) {
        String type = section.type();
        if (!SectionRules.childrenOf(scope.path()).contains(type)) {
            problems.add(Problem.error(section.location(), unknownSection(section, scope)));
            return;
        }
        if (!placementAllowed(section, scope)) {
            return;
        }
        if (SectionRules.needsName(type) && (section.name() == null || section.name().isEmpty())) {
            problems.add(Problem.error(section.location(), "'" + type + " {' needs a name, as in '" + type + " "
                    + exampleName(type) + " {'"));
        }
        boolean filter = SectionRules.FILTERS.contains(type);
        String path = SectionRules.childPath(scope.path(), type);
        String instance = filter ? scope.instance() : instancePath(scope, section);
        boolean silenced = scope.silenced();
        if (!silenced && !filter) {
            Optional<String> reason = noEffect.sectionReason(path, instance);
            if (reason.isPresent()) {
                problems.add(Problem.warning(section.location(), section.label() + " has no effect in Loft: " + reason.get()));
                silenced = true;
            }
        }
        if (!silenced && type.equals("service") && (scope.inProtocol() || scope.inFilter())) {
            problems.add(Problem.warning(section.location(), section.label() + " inside a protocol, local or remote"
                    + " block has no effect in Loft: services are configured at the top level"));
            silenced = true;
        }
        visit(section, new Scope(path, instance, scope.inProtocol() || type.equals("protocol"),
                scope.inFilter() || (filter && !type.equals("protocol")), silenced));
    }

    private boolean placementAllowed(Section section, Scope scope) {
        String type = section.type();
        if (type.equals("protocol") && scope.inProtocol()) {
            problems.add(Problem.error(section.location(), "a protocol block cannot be inside another protocol block"));
            return false;
        }
        if (SectionRules.FILTERS.contains(type) && !type.equals("protocol") && scope.inProtocol()) {
            problems.add(Problem.error(section.location(), "'" + type + "' cannot be inside a protocol block;"
                    + " write it the other way round: " + type + " ... { protocol ... { } }"));
            return false;
        }
        if ((type.equals("passdb") || type.equals("userdb")) && scope.inFilter()) {
            problems.add(Problem.error(section.location(), type + " is not supported inside local, remote or"
                    + " local_name blocks (Dovecot refuses it too)"));
            return false;
        }
        return true;
    }

    private String instancePath(Scope scope, Section section) {
        if (scope.instance() == null) {
            return null;
        }
        String segment = section.name() == null ? section.type() : section.type() + " " + section.name();
        return scope.instance().isEmpty() ? segment : scope.instance() + " > " + segment;
    }

    private String unknownSection(Section section, Scope scope) {
        String type = section.type();
        String here = scope.path().equals(Catalogue.TOP) ? "at the top level" : "inside '" + scope.path() + " { }'";
        String where = SectionRules.whereAllowed(type);
        if (where != null) {
            return "a '" + type + "' section cannot be written " + here + "; it belongs " + where;
        }
        if (!catalogue.pathsOf(type).isEmpty()) {
            return type + " is a setting, not a section: write '" + type + " = value'";
        }
        String message = "unknown section type '" + type + "'";
        Optional<String> suggestion = Suggestions.closest(type, SectionRules.childrenOf(scope.path()));
        return suggestion.map(s -> message + "; did you mean '" + s + "'?")
                .orElse(message + " " + here);
    }

    private void checkSetting(Setting setting, Scope scope) {
        Optional<SettingDef> def = catalogue.find(scope.path(), setting.key());
        if (def.isEmpty()) {
            problems.add(Problem.error(setting.location(), unknownSetting(setting.key(), scope.path())));
            return;
        }
        Optional<String> useless = noEffect.reason(scope.path(), scope.instance(), setting.key());
        if (!scope.silenced()) {
            useless.ifPresent(reason -> problems.add(
                    Problem.warning(setting.location(), setting.key() + " has no effect in Loft: " + reason)));
        }
        if (setting.fileError() != null && useless.isEmpty() && !scope.silenced()) {
            problems.add(Problem.error(setting.location(), setting.fileError()));
        }
        if (!setting.fromFile()) {
            ValueCheck.problem(setting.key(), def.get().type(), setting.value())
                    .ifPresent(message -> problems.add(Problem.error(setting.location(), message)));
        }
    }

    private String unknownSetting(String key, String path) {
        List<String> elsewhere = catalogue.pathsOf(key);
        String here = path.equals(Catalogue.TOP) ? "at the top level" : "in a '" + lastType(path) + "' section";
        if (!elsewhere.isEmpty()) {
            return key + " is not a setting " + here + "; it belongs " + describe(elsewhere.get(0));
        }
        Optional<String> suggestion = Suggestions.closest(key, catalogue.keys(path));
        return suggestion.map(s -> "unknown setting " + key + "; did you mean " + s + "?")
                .orElse("unknown setting " + key + ": neither Dovecot 2.3 nor Loft has a setting of that name "
                        + here);
    }

    private static String describe(String path) {
        if (path.equals(Catalogue.TOP)) {
            return "at the top level (or in a protocol, local or remote block)";
        }
        String[] types = path.split(" > ");
        StringBuilder s = new StringBuilder("in a '" + types[types.length - 1] + "' section");
        for (int i = types.length - 2; i >= 0; i--) {
            s.append(" inside '").append(types[i]).append("'");
        }
        return s.toString();
    }

    private static String lastType(String path) {
        int i = path.lastIndexOf(" > ");
        return i < 0 ? path : path.substring(i + 3);
    }

    private static String exampleName(String type) {
        return switch (type) {
            case "service" -> "imap-login";
            case "protocol" -> "imap";
            case "local", "remote" -> "192.0.2.1";
            case "local_name" -> "mail.example.com";
            case "mailbox" -> "Sent";
            case "unix_listener", "fifo_listener" -> "lmtp";
            default -> "NAME";
        };
    }
}
