package io.socketdeck.ui.common;

import io.socketdeck.core.net.UnixSockets;
import io.socketdeck.core.net.HostInput;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.text.InputErrors;

/** Localized messages for the problems the core's input parsers find: the command line's words too. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static String host(HostInput.Problem problem) {
        return InputErrors.host(problem);
    }

    public static String port(PortInput.Problem problem, boolean zeroAllowed) {
        return InputErrors.port(problem, zeroAllowed);
    }

    /** What is wrong with a typed {@code unix:/path}. */
    public static String unixPath(UnixSockets.Problem problem) {
        return I18n.format("field.unix." + problem.name(), UnixSockets.MAX_PATH_BYTES);
    }
}
