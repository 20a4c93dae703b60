package io.socketdeck.core.net;

/**
 * Checks a typed host before any lookup: a name, an IPv4 literal or an IPv6 literal, with or
 * without brackets. Whether the name exists is only known after a lookup, which the engine does
 * off the UI thread and reports as an unknown-host failure.
 */
public final class HostInput {

    /** What is wrong with a typed host. */
    public enum Problem {
        EMPTY,
        INVALID
    }

    /** Either a host ready for lookup or the problem with the input. */
    public record Result(String host, Problem problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    private HostInput() {
    }

    public static Result parse(String text) {
        String host = text == null ? "" : text.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1).strip();
        }
        if (host.isEmpty()) {
            return new Result(null, Problem.EMPTY);
        }
        for (int i = 0; i < host.length(); i++) {
            if (!isHostChar(host.charAt(i))) {
                return new Result(null, Problem.INVALID);
            }
        }
        if (host.length() > 253) {
            return new Result(null, Problem.INVALID);
        }
        return new Result(host, null);
    }

    // Letters of any script are allowed: the resolver handles internationalized names.
    private static boolean isHostChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '%';
    }
}
