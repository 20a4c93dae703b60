package io.socketdeck.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every automation id the code gives is in the README's "Automation ids" section: the other way
 * round from {@code MainWindowTest} and {@code TcpServerTabTest} (what the README lists exists), so
 * an id cannot come in without scripts being told. A static scan of the sources, no window:
 *
 * <ul>
 *   <li>FXML under {@code ui}: the {@code fx:id} of every control tag ({@link #CONTROL_TAGS}); a
 *       pane's or a label's {@code fx:id} names a field of the controller, not something a script
 *       drives. In a view the {@code fx:id} is the node's id. In an {@code fx:root} part (the log,
 *       the send box, the quick list, the socket options) it names a field only: the part's class
 *       must give the control an id with the tab's prefix, which the Java scan then checks (left
 *       bare, the same id would be in every tab).</li>
 *   <li>Java under {@code ui}: {@code setId("literal")}; {@code setId("stem" + n)} (documented as
 *       the stem and a number: {@code logLimit1000}); {@code setId(prefix + "Suffix")},
 *       also inside {@code ViewIds.late}, documented with a first tab's prefix ({@code clientLog},
 *       {@code clientQuickSend1}, {@code relayUpStall}) or as {@code …Suffix}; and the same
 *       shapes passed to a helper that hands its {@code String} parameter on to {@code setId}
 *       ({@code textField("ruleName", 6)}, {@code tool(idPrefix + "RuleAdd", …)}). Ids the code
 *       sets are all meant for scripts, messages and dialog panes included, so all are checked.</li>
 * </ul>
 *
 * <p>Ids computed from data ({@code kind.newTabId()}, {@code prefix + name}) are not seen here;
 * the README names their rule.
 */
class AutomationIdsDocumentedTest {

    private static final Path README = Path.of("README.md");
    private static final Path UI_JAVA = Path.of("src/main/java/io/socketdeck/ui");
    private static final Path UI_FXML = Path.of("src/main/resources/io/socketdeck/ui");

    /** Tags of what a user (or a script) clicks, types into, picks or reads a table from. */
    private static final Set<String> CONTROL_TAGS = Set.of("Button", "ToggleButton", "CheckBox", "RadioButton",
            "ComboBox", "ChoiceBox", "TextField", "PasswordField", "TextArea", "Spinner", "Slider", "Hyperlink",
            "ListView", "TableView", "TreeView", "TreeTableView", "TableColumn", "MenuItem", "CheckMenuItem",
            "RadioMenuItem", "MenuButton", "SplitMenuButton", "DatePicker", "ColorPicker",
            "FramingButton"); // a Button

    private static final Pattern FX_ID = Pattern.compile("<([A-Za-z.]+)\\b[^>]*?\\bfx:id=\"(\\w+)\"");
    private static final Pattern ID_PREFIX = Pattern.compile("\\bidPrefix=\"(\\w+)\"");
    private static final Pattern SET_ID = Pattern.compile("\\bsetId\\(");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9_]*)\"\\s*(\\+)?");
    private static final Pattern PREFIXED = Pattern.compile("[a-z]\\w*\\s*\\+\\s*\"([A-Z][A-Za-z0-9_]*)\"");
    private static final Pattern LATE = Pattern.compile("ViewIds\\.late\\([^,]+,\\s*");
    private static final Pattern METHOD = Pattern.compile("(\\w+)\\s*\\(([^()]*)\\)\\s*(?:throws [\\w., ]+)?\\{");
    private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch", "synchronized");

    /** An id as the code gives it: a literal, a stem with a number added, or a suffix after the tab's prefix. */
    private record Given(String kind, String text) {
    }

    @Test
    void everyIdTheCodeGivesIsInTheReadme() throws IOException {
        Set<String> documented = documentedTokens();
        Set<String> prefixes = tabPrefixes();
        assertTrue(prefixes.contains("client") && prefixes.contains("relay"), prefixes.toString());
        Map<String, Given> given = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        fxmlIds(given, problems);
        javaIds(given);
        assertTrue(given.size() > 200, "the scan finds the window's ids: " + given.size());
        for (Map.Entry<String, Given> entry : given.entrySet()) {
            if (!isDocumented(entry.getValue(), documented, prefixes)) {
                problems.add(entry.getKey() + " (" + describe(entry.getValue()) + ")");
            }
        }
        assertEquals(List.of(), problems, "ids not in README.md's \"Automation ids\" section");
    }

    /** What the section names in backticks: ids ({@code clientLog}) and suffixes ({@code …NoDelay}). */
    private static Set<String> documentedTokens() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Automation ids");
        assertTrue(start >= 0, "README.md has an \"Automation ids\" section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> tokens = new TreeSet<>();
        Matcher quoted = Pattern.compile("`([^`]+)`").matcher(section);
        while (quoted.find()) {
            Matcher token = Pattern.compile("…?[A-Za-z_][A-Za-z0-9_]*").matcher(quoted.group(1));
            while (token.find()) {
                tokens.add(token.group());
            }
        }
        return tokens;
    }

    private static boolean isDocumented(Given id, Set<String> documented, Set<String> prefixes) {
        return switch (id.kind()) {
            case "literal" -> documented.contains(id.text());
            case "stem" -> documented.stream().anyMatch(t -> t.matches(id.text() + "[0-9_]+"));
            default -> documented.contains("…" + id.text()) || documented.stream().anyMatch(t ->
                    // one word may come between, as the relay's directions do: relay + Up + Stall
                    t.matches("(?:" + String.join("|", prefixes) + ")(?:[A-Z][a-z]+)?" + id.text() + "[0-9_]*"));
        };
    }

    private static String describe(Given id) {
        return switch (id.kind()) {
            case "literal" -> "set as is";
            case "stem" -> "a number added";
            default -> "after the tab's prefix, e.g. client" + id.text();
        };
    }

    /** The first tabs' prefixes, as the views hand them to their parts: client, server, udp, relay. */
    private static Set<String> tabPrefixes() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        for (Path fxml : files(UI_FXML, ".fxml")) {
            Matcher prefix = ID_PREFIX.matcher(Files.readString(fxml));
            while (prefix.find()) {
                prefixes.add(prefix.group(1));
            }
        }
        return prefixes;
    }

    private static void fxmlIds(Map<String, Given> given, List<String> problems) throws IOException {
        for (Path fxml : files(UI_FXML, ".fxml")) {
            String text = Files.readString(fxml);
            String where = UI_FXML.relativize(fxml).toString();
            boolean part = text.contains("<fx:root");
            String controller = part ? controllerOf(fxml) : "";
            Matcher tag = FX_ID.matcher(text);
            while (tag.find()) {
                String type = tag.group(1).substring(tag.group(1).lastIndexOf('.') + 1);
                String fxId = tag.group(2);
                if (!CONTROL_TAGS.contains(type)) {
                    continue;
                }
                if (!part) {
                    given.putIfAbsent(where + ": " + fxId, new Given("literal", fxId));
                } else if (!Pattern.compile("\\b" + fxId + "\\.setId\\(").matcher(controller).find()) {
                    problems.add(where + ": " + fxId + " (a part's control keeps its bare fx:id in every tab:"
                            + " give it the tab's prefix in setIdPrefix)");
                }
            }
        }
    }

    /** The class an {@code fx:root} file belongs to: the same name in the same package. */
    private static String controllerOf(Path fxml) throws IOException {
        String name = fxml.getFileName().toString().replace(".fxml", ".java");
        Path source = UI_JAVA.resolve(UI_FXML.relativize(fxml.getParent())).resolve(name);
        assertTrue(Files.exists(source), "the class of " + fxml + ": " + source);
        return Files.readString(source);
    }

    private static void javaIds(Map<String, Given> given) throws IOException {
        Map<Path, String> sources = new LinkedHashMap<>();
        for (Path source : files(UI_JAVA, ".java")) {
            sources.put(source, Files.readString(source));
        }
        Map<String, Integer> helpers = new LinkedHashMap<>(); // Class.method -> index of the parameter it sets as id
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            String text = source.getValue();
            Matcher call = SET_ID.matcher(text);
            while (call.find()) {
                String argument = argumentsAt(text, call.end()).get(0);
                add(given, source.getKey(), argument);
                if (argument.matches("[a-z]\\w*")) {
                    helper(text, call.start(), argument, className(source.getKey()), helpers);
                }
            }
        }
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            String text = source.getValue();
            for (Map.Entry<String, Integer> helper : helpers.entrySet()) {
                Matcher call = callsOf(helper.getKey(), className(source.getKey()), text).matcher(text);
                while (call.find()) {
                    List<String> arguments = argumentsAt(text, call.end());
                    if (arguments.size() > helper.getValue()) {
                        add(given, source.getKey(), arguments.get(helper.getValue()));
                    }
                }
            }
        }
    }

    /**
     * Calls of {@code Class.method} in a file: unqualified in its own class or where it is
     * imported statically, else through a receiver ({@code DialogFields.textField(},
     * {@code sendPane.addSideTab(}); not another class's method of the same name.
     */
    private static Pattern callsOf(String helper, String inClass, String text) {
        String owner = helper.substring(0, helper.indexOf('.'));
        String method = helper.substring(helper.indexOf('.') + 1);
        boolean unqualified = owner.equals(inClass)
                || Pattern.compile("import static [\\w.]*\\b" + owner + "\\.(?:" + method + "|\\*);").matcher(text).find();
        return Pattern.compile((unqualified ? "(?<![\\w])" : "\\.") + method + "\\s*\\(");
    }

    private static String className(Path source) {
        return source.getFileName().toString().replace(".java", "");
    }

    /** Records the method around {@code at} when {@code parameter} is one of its String parameters. */
    private static void helper(String text, int at, String parameter, String inClass, Map<String, Integer> helpers) {
        Matcher method = METHOD.matcher(text);
        String name = null;
        int index = -1;
        while (method.find() && method.start() < at) {
            if (NOT_METHODS.contains(method.group(1))) {
                continue;
            }
            List<String> parameters = splitTopLevel(method.group(2), 0, method.group(2).length(), true);
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).matches("(?:final\\s+)?String\\s+" + parameter)) {
                    name = method.group(1);
                    index = i;
                }
            }
            if (parameters.stream().noneMatch(p -> p.matches("(?:final\\s+)?String\\s+" + parameter))) {
                name = null; // a later method without it: the nearest one decides
            }
        }
        if (name != null) {
            helpers.put(inClass + "." + name, index);
        }
    }

    /** Adds the id {@code expression} gives, when it has one of the shapes this test reads. */
    private static void add(Map<String, Given> given, Path source, String expression) {
        String id = expression.strip();
        Matcher late = LATE.matcher(id);
        if (late.lookingAt()) {
            id = id.substring(late.end(), id.length() - 1);
        }
        String where = source.getFileName().toString();
        Matcher literal = LITERAL.matcher(id);
        if (literal.lookingAt()) {
            boolean stem = literal.group(2) != null;
            given.putIfAbsent(where + ": " + literal.group(1) + (stem ? " + …" : ""),
                    new Given(stem ? "stem" : "literal", literal.group(1)));
            return;
        }
        Matcher prefixed = PREFIXED.matcher(id);
        if (prefixed.lookingAt()) {
            given.putIfAbsent(where + ": prefix + " + prefixed.group(1), new Given("prefixed", prefixed.group(1)));
        }
    }

    /** The arguments of the call whose opening parenthesis ends at {@code from}. */
    private static List<String> argumentsAt(String text, int from) {
        int depth = 1;
        int at = from;
        boolean quoted = false;
        for (; at < text.length() && depth > 0; at++) {
            char c = text.charAt(at);
            if (c == '"' && text.charAt(at - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
        }
        return splitTopLevel(text, from, at - 1, false);
    }

    /**
     * {@code text[from, to)} split at the commas outside parentheses and quotes, and outside angle
     * brackets when {@code generics} (a parameter list: {@code Map<K, V> map}; in arguments a
     * {@code >} is a lambda's arrow or a comparison).
     */
    private static List<String> splitTopLevel(String text, int from, int to, boolean generics) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = from;
        for (int at = from; at < to; at++) {
            char c = text.charAt(at);
            if (c == '"' && (at == 0 || text.charAt(at - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{' || generics && c == '<')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}' || generics && c == '>')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, at).strip());
                start = at + 1;
            }
        }
        parts.add(text.substring(start, to).strip());
        return parts;
    }

    private static List<Path> files(Path root, String ending) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(ending)).sorted().toList();
        }
    }
}
