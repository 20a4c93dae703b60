package io.socketdeck.cli.script;

import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.tcp.TcpClientOptions;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a script's {@code steps} in file order and checks each against what comes before it: a
 * send needs a connection made earlier, {@code on:} a connection named earlier, a {@code ${var}}
 * a value from {@code vars}, {@code --var} or an earlier capture. Payloads, patterns and targets
 * without variables are built here already ({@link StepChecks}), so their mistakes stop the script
 * before it runs.
 */
final class StepReader {

    static final List<String> KINDS = List.of("connect", "send", "expect", "sleep", "repeat", "close");
    private static final Map<String, List<String>> FIELDS = Map.of(
            "connect", List.of("tcp", "udp", "timeout", "name", "encoding", "line-end"),
            "send", List.of("text", "hex", "encoding", "escapes", "line-end", "checksum", "on"),
            "expect", List.of("text", "regex", "hex", "timeout", "capture", "on"),
            "repeat", List.of("times", "steps"),
            "sleep", List.of(),
            "close", List.of());
    private static final Set<String> TAKES_ON = Set.of("send", "expect", "close");
    static final int MAX_TIMES = 1_000_000;

    private final String file;
    private final YamlValues values;
    private final StepChecks checks;
    private final Duration expectTimeout;
    private final Set<String> knownVars;
    private final Map<String, Step.Connect> named = new HashMap<>();
    private Step.Connect last;
    private int number;

    StepReader(String file, Set<String> vars, Duration expectTimeout) {
        this.file = file;
        this.values = new YamlValues(file);
        this.checks = new StepChecks(file, values);
        this.expectTimeout = expectTimeout;
        this.knownVars = new LinkedHashSet<>(vars);
    }

    /** How many actions were read. */
    int actions() {
        return number;
    }

    List<Step> steps(Node node, String what) throws ScriptException {
        if (!(node instanceof SequenceNode sequence)) {
            throw ScriptException.at(file, node, what + " takes a list of steps (each line starting with -)");
        }
        if (sequence.getValue().isEmpty()) {
            throw ScriptException.at(file, node, what + " has no steps");
        }
        List<Step> steps = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            steps.add(step(item));
        }
        return List.copyOf(steps);
    }

    private Step step(Node node) throws ScriptException {
        if (node instanceof ScalarNode scalar) {
            String word = scalar.getValue();
            if (word.isBlank()) {
                throw ScriptException.at(file, node, "an empty step");
            }
            if (word.equals("close")) {
                return close(node, null, Optional.empty());
            }
            if (KINDS.contains(word)) {
                throw ScriptException.at(file, node, "\"" + word + "\" needs a value: " + word + ": \u2026");
            }
            throw unknownStep(node, word);
        }
        YamlFields fields = YamlFields.of(file, node, "a step", "a mapping like send: TEXT, or the word close");
        List<String> kinds = fields.keys().stream().filter(KINDS::contains).toList();
        if (kinds.isEmpty()) {
            List<String> keys = fields.keys();
            if (keys.isEmpty()) {
                throw ScriptException.at(file, node, "an empty step");
            }
            String key = keys.stream().filter(k -> !k.equals("on")).findFirst().orElse(keys.get(0));
            throw unknownStep(fields.keyNode(key), key);
        }
        if (kinds.size() > 1) {
            throw ScriptException.at(file, fields.keyNode(kinds.get(1)), "one step per list item: \"" + kinds.get(0)
                    + "\" and \"" + kinds.get(1) + "\" (start the second with its own -)");
        }
        String kind = kinds.get(0);
        Node value = fields.take(kind).orElseThrow();
        Optional<Node> on = TAKES_ON.contains(kind) ? fields.take("on") : Optional.empty();
        for (String key : fields.keys()) {
            if (FIELDS.get(kind).contains(key)) {
                throw ScriptException.at(file, fields.keyNode(key), "\"" + key + "\" belongs inside "
                        + kind + ": {\u2026, " + key + ": \u2026}, not beside it");
            }
        }
        fields.noneLeft(TAKES_ON.contains(kind) ? List.of(kind, "on") : List.of(kind));
        return switch (kind) {
            case "connect" -> connect(node, value);
            case "send" -> send(node, value, on);
            case "expect" -> expect(node, value, on);
            case "sleep" -> new Step.Sleep(where(node), ++number, values.time(value, "sleep", true));
            case "repeat" -> repeat(node, value);
            default -> close(node, value, on);
        };
    }

    private ScriptException unknownStep(Node at, String word) {
        return ScriptException.at(file, at, "unknown step \"" + word + "\" (steps: " + String.join(", ", KINDS)
                + ")");
    }

    private Step.Connect connect(Node step, Node value) throws ScriptException {
        YamlFields fields = YamlFields.of(file, value, "connect", "a mapping like {tcp: HOST:PORT} or {udp: HOST:PORT}");
        Optional<Node> tcp = fields.take("tcp");
        Optional<Node> udp = fields.take("udp");
        if (tcp.isPresent() == udp.isPresent()) {
            throw ScriptException.at(file, value, "connect needs one of tcp: HOST:PORT or udp: HOST:PORT");
        }
        Node targetNode = tcp.orElseGet(udp::get);
        VarText target = text(targetNode, "the target");
        if (!target.hasVariables()) {
            HostPort parsed = HostPort.parse(target.source());
            if (!parsed.valid()) {
                throw ScriptException.at(file, targetNode, parsed.problem());
            }
        }
        Duration timeout = TcpClientOptions.DEFAULT_CONNECT_TIMEOUT;
        Optional<Node> timeoutNode = fields.take("timeout");
        if (timeoutNode.isPresent()) {
            if (udp.isPresent()) {
                throw ScriptException.at(file, timeoutNode.get(), "timeout: UDP has no handshake to wait for");
            }
            timeout = values.time(timeoutNode.get(), "timeout", false);
        }
        String name = null;
        Optional<Node> nameNode = fields.take("name");
        if (nameNode.isPresent()) {
            name = values.name(nameNode.get(), "name");
        }
        Optional<Node> encoding = fields.take("encoding");
        Charset charset = encoding.isPresent() ? values.charset(encoding.get()) : StandardCharsets.UTF_8;
        Optional<Node> lineEndNode = fields.take("line-end");
        LineEnding lineEnd = lineEndNode.isPresent() ? values.lineEnd(lineEndNode.get()) : LineEnding.NONE;
        fields.noneLeft(FIELDS.get("connect"));
        Step.Connect connect = new Step.Connect(where(step), ++number,
                tcp.isPresent() ? Step.Protocol.TCP : Step.Protocol.UDP, target, timeout, name, charset, lineEnd);
        last = connect;
        if (name != null) {
            named.put(name, connect);
        }
        return connect;
    }

    private Step.Send send(Node step, Node value, Optional<Node> stepOn) throws ScriptException {
        String on = stepOn.isPresent() ? values.name(stepOn.get(), "on") : null;
        Node payloadNode = value;
        boolean hex = false;
        Charset charset = null;
        boolean escapes = false;
        LineEnding lineEnd = null;
        Checksum checksum = Checksum.NONE;
        if (!(value instanceof ScalarNode)) {
            YamlFields fields = YamlFields.of(file, value, "send", "TEXT or a mapping like {text: TEXT, line-end: crlf}");
            Optional<Node> text = fields.take("text");
            Optional<Node> hexNode = fields.take("hex");
            if (text.isPresent() == hexNode.isPresent()) {
                throw ScriptException.at(file, value, "send needs one of text: TEXT or hex: BYTES");
            }
            hex = hexNode.isPresent();
            payloadNode = text.orElseGet(hexNode::get);
            Optional<Node> encoding = fields.take("encoding");
            if (encoding.isPresent()) {
                charset = values.charset(encoding.get());
            }
            Optional<Node> escapesNode = fields.take("escapes");
            if (escapesNode.isPresent()) {
                escapes = values.flag(escapesNode.get(), "escapes");
            }
            Optional<Node> lineEndNode = fields.take("line-end");
            if (lineEndNode.isPresent()) {
                lineEnd = values.lineEnd(lineEndNode.get());
            }
            Optional<Node> checksumNode = fields.take("checksum");
            if (checksumNode.isPresent()) {
                checksum = values.checksum(checksumNode.get());
            }
            on = innerOn(fields, stepOn, on);
            fields.noneLeft(FIELDS.get("send"));
        }
        Step.Connect connection = connection(step, "send", on);
        VarText payload = text(payloadNode, hex ? "hex" : "text");
        Step.Send send = new Step.Send(where(step), ++number, on, payload, hex, charset, escapes, lineEnd, checksum);
        checks.payload(payloadNode, send, connection);
        return send;
    }

    private Step.Expect expect(Node step, Node value, Optional<Node> stepOn) throws ScriptException {
        String on = stepOn.isPresent() ? values.name(stepOn.get(), "on") : null;
        Step.Match match = Step.Match.TEXT;
        Node patternNode = value;
        Duration timeout = expectTimeout;
        Map<String, String> captures = new LinkedHashMap<>();
        Optional<Node> captureNode = Optional.empty();
        if (!(value instanceof ScalarNode)) {
            YamlFields fields = YamlFields.of(file, value, "expect", "TEXT or a mapping like {regex: PATTERN, timeout: 2000}");
            List<String> present = new ArrayList<>();
            for (String key : List.of("text", "regex", "hex")) {
                if (fields.has(key)) {
                    present.add(key);
                }
            }
            if (present.size() != 1) {
                throw ScriptException.at(file, value, "expect needs one of text:, regex: or hex:"
                        + (present.isEmpty() ? "" : ", not " + String.join(" and ", present)));
            }
            match = Step.Match.valueOf(present.get(0).toUpperCase(java.util.Locale.ROOT));
            patternNode = fields.take(present.get(0)).orElseThrow();
            Optional<Node> timeoutNode = fields.take("timeout");
            if (timeoutNode.isPresent()) {
                timeout = values.time(timeoutNode.get(), "timeout", false);
            }
            captureNode = fields.take("capture");
            on = innerOn(fields, stepOn, on);
            fields.noneLeft(FIELDS.get("expect"));
        }
        connection(step, "expect", on);
        VarText pattern = text(patternNode, match.name().toLowerCase(java.util.Locale.ROOT));
        if (pattern.source().isEmpty()) {
            throw ScriptException.at(file, patternNode, "nothing to expect");
        }
        switch (match) {
            case REGEX -> checks.regex(patternNode, pattern);
            case HEX -> checks.hex(patternNode, pattern);
            case TEXT -> { }
        }
        if (captureNode.isPresent()) {
            if (match != Step.Match.REGEX) {
                throw ScriptException.at(file, captureNode.get(), "capture: only a regex has groups to capture");
            }
            captures = checks.captures(captureNode.get(), pattern);
        }
        Step.Expect expect = new Step.Expect(where(step), ++number, on, match, pattern, timeout,
                Collections.unmodifiableMap(captures));
        knownVars.addAll(captures.keySet()); // from the next step on
        return expect;
    }

    private Step.Repeat repeat(Node step, Node value) throws ScriptException {
        YamlFields fields = YamlFields.of(file, value, "repeat", "a mapping like {times: 3, steps: [...]}");
        Node times = fields.require("times", "times: 3");
        Optional<Node> steps = fields.take("steps");
        fields.noneLeft(FIELDS.get("repeat"));
        int count = values.count(times, "times", 1, MAX_TIMES);
        if (steps.isEmpty()) {
            throw ScriptException.at(file, value, "repeat needs \"steps\": the steps to repeat");
        }
        return new Step.Repeat(where(step), count, steps(steps.get(), "repeat"));
    }

    private Step.Close close(Node step, Node value, Optional<Node> stepOn) throws ScriptException {
        String on = stepOn.isPresent() ? values.name(stepOn.get(), "on") : null;
        if (value != null && !(value instanceof ScalarNode scalar && scalar.getValue().isEmpty())) {
            String name = values.name(value, "close");
            if (on != null && !on.equals(name)) {
                throw ScriptException.at(file, value, "close " + name + " but on: " + on + ": which one?");
            }
            on = name;
        }
        connection(step, "close", on);
        return new Step.Close(where(step), ++number, on);
    }

    /** {@code on:} inside the step's mapping, as well as beside it: the same, once. */
    private String innerOn(YamlFields fields, Optional<Node> stepOn, String on) throws ScriptException {
        Optional<Node> inner = fields.take("on");
        if (inner.isEmpty()) {
            return on;
        }
        if (stepOn.isPresent()) {
            throw ScriptException.at(file, inner.get(), "on: is given twice, beside the step and inside it");
        }
        return values.name(inner.get(), "on");
    }

    /** The connection a step uses, which an earlier step in the file must make. */
    private Step.Connect connection(Node step, String kind, String on) throws ScriptException {
        if (on == null) {
            if (last == null) {
                throw ScriptException.at(file, step, kind + " before any connect: connect first");
            }
            return last;
        }
        Step.Connect connection = named.get(on);
        if (connection == null) {
            throw ScriptException.at(file, step, "no connection named \"" + on + "\" before this step"
                    + (named.isEmpty() ? " (name one with connect: {\u2026, name: " + on + "})"
                    : " (named so far: " + String.join(", ", named.keySet()) + ")"));
        }
        return connection;
    }

    /** A value that may hold variables, each of which must have a value by now. */
    private VarText text(Node node, String what) throws ScriptException {
        VarText text;
        try {
            text = VarText.parse(values.scalar(node, what));
        } catch (VarText.Problem e) {
            throw ScriptException.at(file, node, what + ": " + e.getMessage() + " at character " + (e.position() + 1));
        }
        for (String name : text.names()) {
            if (!knownVars.contains(name)) {
                throw ScriptException.at(file, node, "unknown variable ${" + name + "}: not in vars, --var or an "
                        + "earlier capture" + (knownVars.isEmpty() ? "" : " (known: " + String.join(", ", knownVars) + ")"));
            }
        }
        return text;
    }

    private Where where(Node node) {
        return ScriptException.where(node.getStartMark());
    }
}
