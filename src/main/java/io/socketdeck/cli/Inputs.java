package io.socketdeck.cli;

import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.net.HostInput;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.text.InputErrors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Hosts, ports and local addresses read with the window's parsers and refused with the window's
 * words (in the user's language), as a usage error: picocli prints the message and the usage,
 * and the command exits with status 2.
 */
public final class Inputs {

    private Inputs() {
    }

    public static String host(CommandSpec spec, String text) {
        HostInput.Result result = HostInput.parse(text);
        if (!result.valid()) {
            throw new ParameterException(spec.commandLine(), "HOST: " + InputErrors.host(result.problem()));
        }
        return result.host();
    }

    /** @param allowZero true where 0 lets the system pick (listening), false for a remote port */
    public static int port(CommandSpec spec, String text, boolean allowZero) {
        PortInput.Result result = PortInput.parse(text, allowZero);
        if (!result.valid()) {
            throw new ParameterException(spec.commandLine(), "PORT: " + InputErrors.port(result.problem(), allowZero));
        }
        return result.port();
    }

    public static BindAddress bindAddress(CommandSpec spec, String text) {
        BindAddress.Parsed parsed = BindAddress.parse(text);
        if (parsed.problem() != null) {
            throw new ParameterException(spec.commandLine(), "--bind: " + InputErrors.bindAddress(parsed.problem()));
        }
        return parsed.address();
    }
}
