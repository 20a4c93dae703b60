package io.socketdeck.cli.script;

import io.socketdeck.cli.Encodings;
import io.socketdeck.core.respond.HexPattern;
import io.socketdeck.core.respond.RuleException;
import io.socketdeck.core.send.Macros;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.PayloadOptions;
import io.socketdeck.core.send.Payloads;
import io.socketdeck.core.text.InputErrors;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * What a step holds checked before the script runs, with the window's words where the window has
 * them: a payload without variables is built (hex, escapes, macros, encoding), one with variables
 * has its macros read; a regex compiles and has the groups its captures name; hex without
 * variables parses. A variable's value is only known when the step runs: a regex gets a quoted
 * stand-in, which changes neither its syntax nor its groups.
 */
final class StepChecks {

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final String file;
    private final YamlValues values;

    StepChecks(String file, YamlValues values) {
        this.file = file;
        this.values = values;
    }

    /** Builds a payload without variables now, or reads the macros of one with them. */
    void payload(Node node, Step.Send send, Step.Connect connection) throws ScriptException {
        PayloadOptions options = Sends.options(send, connection.charset(), connection.lineEnd());
        String cannotSend = options.hex() ? null : Encodings.cannotSend(options.charset());
        if (cannotSend != null) {
            throw ScriptException.at(file, node, cannotSend);
        }
        try {
            if (send.payload().hasVariables()) {
                Macros.parse(send.payload().resolveWith(name -> ""));
            } else if (Payloads.build(send.payload().source(), options, () -> 1).length == 0) {
                throw ScriptException.at(file, node, "nothing to send");
            }
        } catch (PayloadException e) {
            throw ScriptException.at(file, node, InputErrors.payload(e));
        }
    }

    void regex(Node node, VarText pattern) throws ScriptException {
        try {
            Pattern.compile(pattern.resolveWith(name -> Pattern.quote("x")));
        } catch (PatternSyntaxException e) {
            throw ScriptException.at(file, node, "regex: " + e.getDescription()
                    + (e.getIndex() >= 0 && !pattern.hasVariables() ? " at character " + (e.getIndex() + 1) : ""));
        }
    }

    void hex(Node node, VarText pattern) throws ScriptException {
        if (pattern.hasVariables()) {
            return; // the values decide: checked when the step runs
        }
        try {
            HexPattern.parse(pattern.source());
        } catch (RuleException e) {
            throw ScriptException.at(file, node, e.reason() == RuleException.Reason.EMPTY ? "hex: no byte to expect"
                    : InputErrors.hexPattern(e));
        }
    }

    /** {@code capture: {token: 1, unit: unit}}: each variable with a group's number or name. */
    Map<String, String> captures(Node node, VarText pattern) throws ScriptException {
        YamlFields fields = YamlFields.of(file, node, "capture", "a mapping of variable: group, like {token: 1}");
        int groups = Pattern.compile(pattern.resolveWith(name -> Pattern.quote("x")))
                .matcher("").groupCount();
        Set<String> names = new LinkedHashSet<>();
        Matcher named = NAMED_GROUP.matcher(pattern.source());
        while (named.find()) {
            names.add(named.group(1));
        }
        Map<String, String> captures = new LinkedHashMap<>();
        for (String variable : fields.keys()) {
            Node keyNode = fields.keyNode(variable);
            values.name(keyNode, "capture");
            Node groupNode = fields.take(variable).orElseThrow();
            String group = values.scalar(groupNode, "capture " + variable).strip();
            if (group.matches("\\d+")) {
                if (group.length() > 4 || Integer.parseInt(group) > groups) {
                    throw ScriptException.at(file, groupNode, "capture " + variable + ": the regex has "
                            + (groups == 0 ? "no group" : groups == 1 ? "1 group" : groups + " groups")
                            + ", no group " + group);
                }
            } else if (!names.contains(group)) {
                throw ScriptException.at(file, groupNode, "capture " + variable + ": the regex has no group named \""
                        + group + "\"" + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")"));
            }
            captures.put(variable, group);
        }
        if (captures.isEmpty()) {
            throw ScriptException.at(file, node, "capture names no variable");
        }
        return captures;
    }
}
