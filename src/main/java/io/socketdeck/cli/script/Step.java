package io.socketdeck.cli.script;

import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One item of a script's {@code steps}, as read from the file. Every kind but {@link Repeat} is an
 * {@link Action}: it runs, passes or fails, and is one line of output and one JUnit test case.
 * Values that may hold variables are {@link VarText}s, resolved when the step runs.
 */
sealed interface Step permits Step.Action, Step.Repeat {

    /** Where the step begins in the file. */
    Where at();

    /** A step that runs and is reported; numbered in file order, a repeat's steps where they stand. */
    sealed interface Action extends Step permits Connect, Send, Expect, Sleep, Close {

        int number();

        /** The step's key: {@code connect}, {@code send}, {@code expect}, {@code sleep}, {@code close}. */
        String kind();

        /**
         * The step as written, variables unresolved: the name of its JUnit test case, which a CI
         * system follows from run to run, so it must not change with a captured value.
         */
        String describe();
    }

    enum Protocol {
        TCP, UDP
    }

    /**
     * @param name     what later steps call it by ({@code on:}); null when unnamed
     * @param timeout  TCP connect timeout
     * @param charset  the connection's encoding: of the text it receives, and its sends' default
     * @param lineEnd  its sends' default line end
     */
    record Connect(Where at, int number, Protocol protocol, VarText target, Duration timeout, String name,
                   Charset charset, LineEnding lineEnd) implements Action {
        @Override
        public String kind() {
            return "connect";
        }

        @Override
        public String describe() {
            return "connect " + protocol.name().toLowerCase(java.util.Locale.ROOT) + " " + target.source()
                    + (name == null ? "" : " as " + name);
        }
    }

    /**
     * @param on       the connection's name, or null for the last one connected
     * @param charset  null: the connection's
     * @param lineEnd  null: the connection's
     */
    record Send(Where at, int number, String on, VarText payload, boolean hex, Charset charset, boolean escapes,
                LineEnding lineEnd, Checksum checksum) implements Action {
        @Override
        public String kind() {
            return "send";
        }

        @Override
        public String describe() {
            return "send " + (hex ? "hex " : "") + Shown.quote(payload.source()) + onText(on);
        }
    }

    enum Match {
        TEXT, REGEX, HEX
    }

    /**
     * @param captures variable name to regex group (its number or its name, as written), in order
     */
    record Expect(Where at, int number, String on, Match match, VarText pattern, Duration timeout,
                  Map<String, String> captures) implements Action {
        @Override
        public String kind() {
            return "expect";
        }

        @Override
        public String describe() {
            String how = switch (match) {
                case TEXT -> "";
                case REGEX -> "regex ";
                case HEX -> "hex ";
            };
            return "expect " + how + Shown.quote(pattern.source()) + onText(on);
        }
    }

    record Sleep(Where at, int number, Duration time) implements Action {
        @Override
        public String kind() {
            return "sleep";
        }

        @Override
        public String describe() {
            return "sleep " + time.toMillis() + " ms";
        }
    }

    /** Closes the connection (a TCP FIN); {@code on} null for the last one connected. */
    record Close(Where at, int number, String on) implements Action {
        @Override
        public String kind() {
            return "close";
        }

        @Override
        public String describe() {
            return "close" + (on == null ? "" : " " + on);
        }
    }

    /** Runs {@code steps} {@code times} times, in order. */
    record Repeat(Where at, int times, List<Step> steps) implements Step {
    }

    private static String onText(String on) {
        return on == null ? "" : " on " + on;
    }
}
