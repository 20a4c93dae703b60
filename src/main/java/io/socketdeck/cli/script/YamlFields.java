package io.socketdeck.cli.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The fields of one YAML mapping, taken one by one by the code that knows them; whatever is left
 * is a field nobody knows, reported at its own line and column. Composed nodes keep every
 * position, which a plain load into maps would lose.
 */
final class YamlFields {

    private final String file;
    private final MappingNode node;
    private final String what;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlFields(String file, MappingNode node, String what) {
        this.file = file;
        this.node = node;
        this.what = what;
    }

    /**
     * @param what how messages name the mapping: "the script", "expect", "repeat"
     * @throws ScriptException when {@code node} is not a mapping, or a key is not a plain name or repeats
     */
    static YamlFields of(String file, Node node, String what, String shape) throws ScriptException {
        if (!(node instanceof MappingNode mapping)) {
            throw ScriptException.at(file, node, what + " takes " + shape);
        }
        YamlFields fields = new YamlFields(file, mapping, what);
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                throw ScriptException.at(file, entry.getKeyNode(), "a key in " + what + " must be a plain name");
            }
            if (fields.entries.putIfAbsent(key.getValue(), entry) != null) {
                throw ScriptException.at(file, key, "\"" + key.getValue() + "\" appears twice in " + what);
            }
        }
        return fields;
    }

    MappingNode node() {
        return node;
    }

    /** The keys not taken yet, in file order. */
    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    /** Takes the value of {@code key}, if present. */
    Optional<Node> take(String key) {
        NodeTuple entry = entries.remove(key);
        return entry == null ? Optional.empty() : Optional.of(entry.getValueNode());
    }

    Node require(String key, String example) throws ScriptException {
        Optional<Node> value = take(key);
        if (value.isEmpty()) {
            throw ScriptException.at(file, node, what + " needs \"" + key + "\" (" + example + ")");
        }
        return value.get();
    }

    /**
     * Fails on the first field left over.
     *
     * @param known every field {@code what} has, for the message
     */
    void noneLeft(List<String> known) throws ScriptException {
        if (!entries.isEmpty()) {
            NodeTuple first = entries.values().iterator().next();
            String key = ((ScalarNode) first.getKeyNode()).getValue();
            throw ScriptException.at(file, first.getKeyNode(), "unknown field \"" + key + "\" in " + what
                    + " (fields: " + String.join(", ", known) + ")");
        }
    }
}
