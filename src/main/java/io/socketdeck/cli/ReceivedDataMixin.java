package io.socketdeck.cli;

import io.socketdeck.core.framing.Framing;
import java.nio.charset.Charset;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How the commands that receive ({@code send}, {@code listen}) cut and show what arrives:
 * {@code --framing}, {@code --show}, {@code --json}. One definition, so the two cannot drift apart.
 */
final class ReceivedDataMixin {

    @Option(names = "--framing", paramLabel = "SPEC", converter = FramingConverter.class,
            description = "TCP: what one received message is: line, crlf, \"idle MS\", \"fixed N\","
                    + " \"delimiter HEX keep|strip\", \"length 1|2|4 be|le OFFSET frame|payload MAX\" (default: as read).")
    Framing framing;

    @Option(names = "--show", paramLabel = "MODE", defaultValue = "text",
            description = "How data is shown: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ShowMode show;

    @Option(names = "--json", description = "Print the events as JSON lines.")
    boolean json;

    /** Refuses {@code --framing} where it means nothing: a datagram is one message. */
    void checkFor(Protocol protocol, CommandSpec spec) {
        if (framing != null && protocol == Protocol.UDP) {
            throw new ParameterException(spec.commandLine(), "--framing: a datagram is one message; framing is for TCP.");
        }
    }

    /** The printer of the command's events, on its standard output. */
    EventPrinter printer(CommandSpec spec, Charset charset) {
        return new EventPrinter(spec.commandLine().getOut(), json, show, charset);
    }
}
