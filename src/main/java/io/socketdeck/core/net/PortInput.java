package io.socketdeck.core.net;

import java.util.Optional;

/**
 * Parses a port typed by a user. The result names what is wrong, so the UI can say it in the
 * user's language right at the field.
 */
public final class PortInput {

    public static final int MAX_PORT = 65_535;

    /** What is wrong with a typed port. */
    public enum Problem {
        EMPTY,
        NOT_A_NUMBER,
        OUT_OF_RANGE
    }

    /** Either a port or the problem with the input. */
    public record Result(int port, Problem problem) {
        public boolean valid() {
            return problem == null;
        }

        public Optional<Problem> problemIfAny() {
            return Optional.ofNullable(problem);
        }
    }

    private PortInput() {
    }

    /**
     * @param allowZero true where 0 means "let the operating system pick" (listening, binding);
     *                  a remote port is never 0
     */
    public static Result parse(String text, boolean allowZero) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new Result(-1, Problem.EMPTY);
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (trimmed.charAt(i) < '0' || trimmed.charAt(i) > '9') {
                return new Result(-1, Problem.NOT_A_NUMBER);
            }
        }
        if (trimmed.length() > 5) {
            return new Result(-1, Problem.OUT_OF_RANGE);
        }
        int port = Integer.parseInt(trimmed);
        int min = allowZero ? 0 : 1;
        if (port < min || port > MAX_PORT) {
            return new Result(-1, Problem.OUT_OF_RANGE);
        }
        return new Result(port, null);
    }
}
