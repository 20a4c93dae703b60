package io.socketdeck.cli.script;

import java.util.Map;

/** What running one step gave, before it is timed and placed: see {@link StepResult}. */
record Outcome(StepResult.Status status, String detail, String message, String expected, String received,
               Map<String, Object> fields) {

    static Outcome pass(String detail, Map<String, Object> fields) {
        return new Outcome(StepResult.Status.PASS, detail, null, null, null, fields);
    }

    static Outcome pass(String detail) {
        return pass(detail, Map.of());
    }

    /** A failure whose {@code detail} is the step and {@code why}. */
    static Outcome fail(String step, String why) {
        return new Outcome(StepResult.Status.FAIL, step + ": " + why, why, null, null, Map.of());
    }

    /**
     * A failed expect: what it looked for and what had arrived instead, as shown in a line, and for
     * JSON as they are ({@code rawFields}: the pattern, its kind, the text or hex received).
     */
    static Outcome missed(String step, String why, String expected, String received, Map<String, Object> rawFields) {
        return new Outcome(StepResult.Status.FAIL, step + ": " + why + ", received " + received, why, expected,
                received, rawFields);
    }
}
