package io.socketdeck.cli.script;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A script that cannot run as written: {@code login.yaml:7:5: unknown step "sned"}, the file as it
 * was named on the command line, then line and column as an editor counts them, so an editor or
 * a CI log viewer can jump there.
 */
final class ScriptException extends Exception {

    private static final long serialVersionUID = 1L;

    ScriptException(String file, Where at, String message) {
        super(file + (at == null ? "" : ":" + at) + ": " + message, null, false, false);
    }

    /** At the start of {@code node}. */
    static ScriptException at(String file, Node node, String message) {
        return new ScriptException(file, where(node.getStartMark()), message);
    }

    static Where where(Optional<Mark> mark) {
        return mark.map(m -> new Where(m.getLine() + 1, m.getColumn() + 1)).orElse(null);
    }
}
