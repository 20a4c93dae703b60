package io.socketdeck.cli.script;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a script file into a checked {@link Script}: YAML composed into nodes (snakeyaml-engine),
 * which keep each value's line and column, then every field checked. The first problem is the
 * {@link ScriptException}, naming file, line and column.
 */
final class ScriptLoader {

    static final Duration DEFAULT_EXPECT_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> FIELDS = List.of("name", "vars", "timeout", "steps");

    private ScriptLoader() {
    }

    /**
     * @param commandLineVars {@code --var NAME=VALUE}s: over the script's own {@code vars}
     */
    static Script load(Path path, Map<String, String> commandLineVars) throws ScriptException {
        String file = path.toString();
        return parse(file, read(path, file), commandLineVars);
    }

    static Script parse(String file, String content, Map<String, String> commandLineVars) throws ScriptException {
        Node root = compose(file, content);
        YamlFields top = YamlFields.of(file, root, "the script", "a mapping with name, vars and steps");
        YamlValues values = new YamlValues(file);
        Optional<Node> nameNode = top.take("name");
        Optional<Node> varsNode = top.take("vars");
        Optional<Node> timeoutNode = top.take("timeout");
        Optional<Node> stepsNode = top.take("steps");
        top.noneLeft(FIELDS);
        String name = nameNode.isPresent() ? values.scalar(nameNode.get(), "name").strip() : stem(file);
        if (name.isEmpty()) {
            throw ScriptException.at(file, nameNode.get(), "name is empty");
        }
        Map<String, String> vars = new LinkedHashMap<>();
        if (varsNode.isPresent()) {
            YamlFields declared = YamlFields.of(file, varsNode.get(), "vars", "a mapping of name: value");
            for (String key : declared.keys()) {
                values.name(declared.keyNode(key), "vars");
                vars.put(key, values.scalar(declared.take(key).orElseThrow(), "vars " + key));
            }
        }
        vars.putAll(commandLineVars);
        Duration expectTimeout = timeoutNode.isPresent() ? values.time(timeoutNode.get(), "timeout", false)
                : DEFAULT_EXPECT_TIMEOUT;
        if (stepsNode.isEmpty()) {
            throw ScriptException.at(file, root, "the script needs \"steps\": a list of connect, send, expect, "
                    + "sleep, repeat, close");
        }
        StepReader reader = new StepReader(file, vars.keySet(), expectTimeout);
        List<Step> steps = reader.steps(stepsNode.get(), "steps");
        return new Script(file, name, Map.copyOf(vars), steps, reader.actions());
    }

    private static String read(Path path, String file) throws ScriptException {
        try {
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new ScriptException(file, null, "no such file");
        } catch (CharacterCodingException e) {
            throw new ScriptException(file, null, "not UTF-8 text");
        } catch (IOException e) {
            throw new ScriptException(file, null, "cannot read it: " + e.getMessage());
        }
    }

    private static Node compose(String file, String content) throws ScriptException {
        LoadSettings settings = LoadSettings.builder().setLabel(file).build();
        try {
            Optional<Node> root = new Compose(settings).composeString(content);
            if (root.isEmpty() || root.get() instanceof ScalarNode scalar && scalar.getValue().isBlank()) {
                throw new ScriptException(file, new Where(1, 1), "the file has no script: it needs at least steps");
            }
            return root.get();
        } catch (MarkedYamlEngineException e) {
            Where at = ScriptException.where(e.getProblemMark().or(e::getContextMark));
            Where contextAt = ScriptException.where(e.getContextMark());
            // "found unexpected end of stream" is at the end; where the quote or bracket began helps more
            String context = e.getContext() == null ? "" : " (" + e.getContext()
                    + (contextAt == null || contextAt.equals(at) ? "" : " at " + contextAt) + ")";
            throw new ScriptException(file, at, "YAML: " + e.getProblem() + context);
        } catch (YamlEngineException e) {
            throw new ScriptException(file, null, "YAML: " + e.getMessage());
        }
    }

    /** {@code checks/login.yaml} is called {@code login}. */
    static String stem(String file) {
        String name = Path.of(file).getFileName().toString();
        return name.replaceFirst("\\.(ya?ml)$", "");
    }
}
