package io.socketdeck.cli.script;

import io.socketdeck.core.net.HostInput;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.text.InputErrors;

/**
 * {@code HOST:PORT} as a script writes a target: {@code 127.0.0.1:5000}, {@code device.local:502},
 * {@code [::1]:5000}. Host and port are checked by the window's own parsers and refused in its words.
 *
 * @param problem null when valid; else what is wrong, in words
 */
record HostPort(String host, int port, String problem) {

    static HostPort parse(String text) {
        String typed = text.strip();
        int colon;
        if (typed.startsWith("[")) {
            int close = typed.indexOf(']');
            colon = close < 0 ? -1 : close + 1;
            if (colon < 0 || colon >= typed.length() || typed.charAt(colon) != ':') {
                return invalid("\"" + typed + "\" is not HOST:PORT (e.g. [::1]:5000)");
            }
        } else {
            colon = typed.lastIndexOf(':');
            if (colon < 0) {
                return invalid("\"" + typed + "\" is not HOST:PORT (e.g. 127.0.0.1:5000)");
            }
            if (typed.indexOf(':') != colon) {
                return invalid("\"" + typed + "\": an IPv6 address goes in brackets, e.g. [::1]:5000");
            }
        }
        HostInput.Result host = HostInput.parse(typed.substring(0, colon));
        if (!host.valid()) {
            return invalid(InputErrors.host(host.problem()));
        }
        PortInput.Result port = PortInput.parse(typed.substring(colon + 1), false);
        if (!port.valid()) {
            return invalid(InputErrors.port(port.problem(), false));
        }
        return new HostPort(host.host(), port.port(), null);
    }

    private static HostPort invalid(String problem) {
        return new HostPort(null, 0, problem);
    }

    boolean valid() {
        return problem == null;
    }
}
