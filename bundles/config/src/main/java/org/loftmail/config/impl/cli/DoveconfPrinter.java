package org.loftmail.config.impl.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.loftmail.config.impl.catalogue.Catalogue;
import org.loftmail.config.impl.catalogue.SettingDef;
import org.loftmail.config.impl.catalogue.SettingType;
import org.loftmail.config.impl.model.EffectiveSection;
import org.loftmail.config.impl.model.Setting;
import org.loftmail.config.impl.validate.SectionRules;
import org.loftmail.config.impl.validate.ValueCheck;

/**
 * Prints the effective configuration in Dovecot syntax, leaving out what equals the built-in
 * default, like {@code doveconf -n}: settings and sections sorted by name, protocol/local/remote
 * blocks last, {@code <file} values as their path, private keys hidden unless asked.
 */
public final class DoveconfPrinter {

    private static final Set<String> SECRETS = Set.of("ssl_key", "ssl_alt_key", "ssl_client_key", "ssl_key_password");
    private static final String INDENT = "  ";

    private final Catalogue catalogue;
    private final boolean showSecrets;

    public DoveconfPrinter(Catalogue catalogue, boolean showSecrets) {
        this.catalogue = catalogue;
        this.showSecrets = showSecrets;
    }

    public String print(EffectiveSection root) {
        StringBuilder out = new StringBuilder();
        body(root, Catalogue.TOP, "", false, false, "", out);
        return out.toString();
    }

    private record Item(String sortKey, String text) {
    }

    /**
     * @param instance built-in section path or "" at the top, null for sections without built-in values
     * @param freeForm plugin/dict: every key printed
     * @param inFilter inside protocol/local/remote: every key written is printed
     */
    private void body(EffectiveSection section, String path, String instance, boolean freeForm, boolean inFilter,
            String indent, StringBuilder out) {
        List<Item> items = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        for (Setting s : section.settings().values()) {
            if (freeForm || inFilter || differs(path, instance, s)) {
                items.add(new Item(s.key(), indent + s.key() + " = " + render(s) + "\n"));
            }
        }
        for (EffectiveSection sub : section.sections()) {
            boolean filter = SectionRules.FILTERS.contains(sub.type());
            String subPath = SectionRules.childPath(path, sub.type());
            String subInstance = filter ? instance : instanceOf(instance, sub);
            StringBuilder inner = new StringBuilder();
            body(sub, subPath, subInstance, SectionRules.FREE_FORM.contains(sub.type()), inFilter || filter,
                    indent + INDENT, inner);
            boolean builtIn = subInstance != null && !catalogue.defaultSection(subInstance).isEmpty();
            if (inner.isEmpty() && (builtIn || filter)) {
                continue;
            }
            String text = indent + header(sub) + " {\n" + inner + indent + "}\n";
            if (filter) {
                filters.add(text);
            } else {
                items.add(new Item(sub.type() + " " + (sub.name() == null ? "" : sub.name()), text));
            }
        }
        items.sort(Comparator.comparing(Item::sortKey));
        items.forEach(i -> out.append(i.text()));
        filters.forEach(out::append);
    }

    private static String instanceOf(String parent, EffectiveSection sub) {
        if (parent == null) {
            return null;
        }
        String segment = sub.name() == null ? sub.type() : sub.type() + " " + sub.name();
        return parent.isEmpty() ? segment : parent + " > " + segment;
    }

    private boolean differs(String path, String instance, Setting s) {
        String builtIn = catalogue.defaultValue(path, instance, s.key());
        if (builtIn == null || s.fromFile()) {
            return true;
        }
        SettingType type = catalogue.find(path, s.key()).map(SettingDef::type).orElse(SettingType.STRING);
        return !same(type, s.value(), builtIn);
    }

    static boolean same(SettingType type, String a, String b) {
        String x = a.trim();
        String y = b.trim();
        return switch (type.kind()) {
            case BOOL -> ValueCheck.isTrue(x) == ValueCheck.isTrue(y);
            case SIZE -> ValueCheck.bytes(x) == ValueCheck.bytes(y) && ValueCheck.bytes(x) >= 0;
            case TIME -> ValueCheck.millis(x, false) == ValueCheck.millis(y, false) && ValueCheck.millis(x, false) >= 0;
            case TIME_MSECS -> ValueCheck.millis(x, true) == ValueCheck.millis(y, true) && ValueCheck.millis(x, true) >= 0;
            case UINT, PORT -> x.equals(y) || (x.matches("\\d+") && y.matches("\\d+") && Long.parseLong(x) == Long.parseLong(y));
            case OCTAL -> x.equals(y) || (x.matches("[0-7]+") && y.matches("[0-7]+")
                    && Long.parseLong(x, 8) == Long.parseLong(y, 8));
            default -> x.equals(y);
        };
    }

    private String render(Setting s) {
        if (s.fromFile()) {
            return s.written();
        }
        if (!showSecrets && SECRETS.contains(s.key()) && !s.value().isEmpty()) {
            return "# hidden, use -P to show it";
        }
        return quote(s.value());
    }

    static String quote(String v) {
        boolean needsQuotes = !v.equals(v.strip()) || v.contains("#") || v.startsWith("\"") || v.startsWith("'")
                || v.startsWith("<") || v.contains("\n");
        if (!needsQuotes) {
            return v;
        }
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static String header(EffectiveSection s) {
        if (s.name() == null) {
            return s.type();
        }
        boolean quote = s.name().isEmpty() || s.name().chars().anyMatch(c -> c == ' ' || c == '\t' || c == '{' || c == '"');
        return s.type() + " " + (quote ? '"' + s.name().replace("\"", "\\\"") + '"' : s.name());
    }
}
