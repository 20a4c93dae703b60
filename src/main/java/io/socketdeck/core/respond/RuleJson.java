package io.socketdeck.core.respond;

import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.send.QuickCommandFormatException;
import io.socketdeck.core.send.QuickCommandImport;
import io.socketdeck.core.send.QuickCommandFormatException.Reason;
import io.socketdeck.core.send.QuickCommandJson;
import io.socketdeck.core.settings.EntriesRead;
import io.socketdeck.core.util.AtomicFiles;
import io.socketdeck.core.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auto-reply rules as JSON, for the settings file and for import and export. A rule is written
 * as its reply, the way a quick command is ({@code name}, {@code payload}, {@code hex},
 * {@code charset}, {@code escapes}, {@code lineEnding}, {@code checksum}), plus {@code enabled},
 * {@code match}, {@code pattern} and {@code delayMs}. Problems are reported as for quick commands,
 * naming the rule and the field.
 */
public final class RuleJson {

    private static final Logger LOGGER = LoggerFactory.getLogger(RuleJson.class);

    public static final String FORMAT = "socketdeck.auto-reply-rules";
    public static final int VERSION = 1;
    private static final long MAX_FILE_BYTES = 16L << 20;

    private RuleJson() {
    }

    /** The rules as plain maps and lists. */
    public static List<Map<String, Object>> toTree(List<Rule> rules) {
        List<Map<String, Object>> replies = QuickCommandJson.toTree(rules.stream().map(Rule::reply).toList());
        List<Map<String, Object>> tree = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", rule.name());
            entry.put("enabled", rule.enabled());
            entry.put("match", rule.match().name());
            entry.put("pattern", rule.pattern());
            entry.put("delayMs", rule.delayMillis());
            replies.get(i).forEach(entry::putIfAbsent);
            tree.add(entry);
        }
        return tree;
    }

    /**
     * Rules read, and those whose reply names an encoding the window does not offer (their reply
     * is UTF-8 now, as the window sends it).
     *
     * @param charsetFallbacks indexed by rule, in file order
     */
    public record Imported(List<Rule> rules, List<QuickCommandImport.CharsetFallback> charsetFallbacks) {
        public Imported {
            rules = List.copyOf(rules);
            charsetFallbacks = List.copyOf(charsetFallbacks);
        }
    }

    /**
     * Reads rules from a list of rule maps, or an object with a "rules" list; an encoding that
     * fell back to UTF-8 is logged as a warning.
     */
    public static List<Rule> fromTree(Object root) throws QuickCommandFormatException {
        Imported read = read(root);
        read.charsetFallbacks().forEach(fallback -> LOGGER.warn("quick command import: {}", fallback));
        return read.rules();
    }

    private static Imported read(Object root) throws QuickCommandFormatException {
        List<?> entries = ruleList(root);
        QuickCommandImport read = QuickCommandJson.readTree(entries);
        List<QuickCommand> replies = read.commands();
        List<Rule> rules = new ArrayList<>(entries.size());
        for (int index = 0; index < entries.size(); index++) {
            rules.add(rule((Map<?, ?>) entries.get(index), index, replies.get(index))); // a map: its reply was read from it
        }
        return new Imported(rules, read.charsetFallbacks());
    }

    /**
     * Reads the rules a tab keeps in the settings file, one by one: a rule this version cannot read
     * is kept as it was ({@link EntriesRead}), as quick commands are ({@link QuickCommandJson#readEach}).
     */
    public static EntriesRead<Rule> readEach(Object root) {
        List<?> entries;
        try {
            entries = ruleList(root);
        } catch (QuickCommandFormatException notAList) {
            return new EntriesRead<>(List.of(), List.of(new EntriesRead.Unread(0, root, notAList.getMessage())));
        }
        return EntriesRead.of(entries, (entry, index) -> {
            QuickCommand reply = QuickCommandJson.stored(entry, index); // refuses what is not a map
            return rule((Map<?, ?>) entry, index, reply);
        });
    }

    private static List<?> ruleList(Object root) throws QuickCommandFormatException {
        Object list = root instanceof Map<?, ?> document ? document.get("rules") : root;
        if (!(list instanceof List<?> entries)) {
            throw new QuickCommandFormatException(Reason.NOT_A_COMMAND_LIST, -1, null, "no \"rules\" list");
        }
        return entries;
    }

    /** The rule's own fields around its {@code reply}. */
    private static Rule rule(Map<?, ?> entry, int index, QuickCommand reply) throws QuickCommandFormatException {
        Rule.Match match;
        try {
            match = Rule.Match.valueOf(String.valueOf(entry.get("match")));
        } catch (IllegalArgumentException unknown) {
            throw new QuickCommandFormatException(Reason.UNKNOWN_VALUE, index, "match", String.valueOf(entry.get("match")));
        }
        if (!(entry.get("pattern") instanceof String pattern)) {
            throw new QuickCommandFormatException(Reason.MISSING_FIELD, index, "pattern", null);
        }
        boolean enabled = !(entry.get("enabled") instanceof Boolean on) || on;
        long delay = entry.get("delayMs") instanceof Number number ? number.longValue() : 0;
        if (delay < 0 || delay > Rule.MAX_DELAY_MILLIS) {
            throw new QuickCommandFormatException(Reason.UNKNOWN_VALUE, index, "delayMs", Long.toString(delay));
        }
        return new Rule(enabled, match, pattern, reply, delay);
    }

    public static void export(Path file, List<Rule> rules) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("rules", toTree(rules));
        AtomicFiles.write(file, Json.write(document).getBytes(StandardCharsets.UTF_8));
    }

    public static List<Rule> importFrom(Path file) throws IOException, QuickCommandFormatException {
        return fromTree(parse(file));
    }

    /**
     * The rules of {@code file} with the encodings that fell back, not logged: for a caller that
     * decides about them itself (the command line sends in any encoding Java can encode).
     */
    public static Imported read(Path file) throws IOException, QuickCommandFormatException {
        return read(parse(file));
    }

    private static Object parse(Path file) throws IOException, QuickCommandFormatException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw QuickCommandFormatException.tooLarge(Files.size(file));
        }
        try {
            return Json.parse(Files.readAllBytes(file));
        } catch (IOException notJson) {
            throw QuickCommandFormatException.notJson(notJson);
        }
    }
}
