package io.socketdeck.core.respond;

import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.send.QuickCommandFormatException;
import io.socketdeck.core.send.QuickCommandFormatException.Reason;
import io.socketdeck.core.send.QuickCommandJson;
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

/**
 * Auto-reply rules as JSON, for the settings file and for import and export. A rule is written
 * as its reply, the way a quick command is ({@code name}, {@code payload}, {@code hex},
 * {@code charset}, {@code escapes}, {@code lineEnding}, {@code checksum}), plus {@code enabled},
 * {@code match}, {@code pattern} and {@code delayMs}. Problems are reported as for quick commands,
 * naming the rule and the field.
 */
public final class RuleJson {

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

    /** Reads rules from a list of rule maps, or an object with a "rules" list. */
    public static List<Rule> fromTree(Object root) throws QuickCommandFormatException {
        Object list = root instanceof Map<?, ?> document ? document.get("rules") : root;
        if (!(list instanceof List<?> entries)) {
            throw new QuickCommandFormatException(Reason.NOT_A_COMMAND_LIST, -1, null, "no \"rules\" list");
        }
        List<QuickCommand> replies = QuickCommandJson.fromTree(entries).commands();
        List<Rule> rules = new ArrayList<>(entries.size());
        for (int index = 0; index < entries.size(); index++) {
            Map<?, ?> entry = (Map<?, ?>) entries.get(index); // a map: the replies were read from it
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
            rules.add(new Rule(enabled, match, pattern, replies.get(index), delay));
        }
        return rules;
    }

    public static void export(Path file, List<Rule> rules) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("rules", toTree(rules));
        AtomicFiles.write(file, Json.write(document).getBytes(StandardCharsets.UTF_8));
    }

    public static List<Rule> importFrom(Path file) throws IOException, QuickCommandFormatException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw QuickCommandFormatException.tooLarge(Files.size(file));
        }
        Object root;
        try {
            root = Json.parse(Files.readAllBytes(file));
        } catch (IOException notJson) {
            throw QuickCommandFormatException.notJson(notJson);
        }
        return fromTree(root);
    }
}
