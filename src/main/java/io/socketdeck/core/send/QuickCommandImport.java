package io.socketdeck.core.send;

import java.util.List;

/**
 * Commands read from JSON, and what was changed to make them usable.
 *
 * @param commands         in file order
 * @param charsetFallbacks commands whose encoding is not offered and that will be sent as UTF-8
 */
public record QuickCommandImport(List<QuickCommand> commands, List<CharsetFallback> charsetFallbacks) {

    public QuickCommandImport {
        commands = List.copyOf(commands);
        charsetFallbacks = List.copyOf(charsetFallbacks);
    }

    /**
     * Command {@code index} (0-based) named {@code commandName} asked for {@code charsetName}, which
     * is not offered; it now uses UTF-8. The UI shows this as a warning.
     */
    public record CharsetFallback(int index, String commandName, String charsetName) {
        @Override
        public String toString() {
            return "command " + (index + 1) + " \"" + commandName + "\": unknown encoding \"" + charsetName
                    + "\", using UTF-8";
        }
    }
}
