package io.socketdeck.cli.script;

import java.util.Map;

/**
 * How one step went: a line of output, a JSON object, a JUnit test case.
 *
 * @param round    for a step inside a repeat, which round: {@code 2/3} (nested: {@code 2/3 1/2}); else null
 * @param endMillis when it ended (wall clock)
 * @param detail   what the line says after the step's place: the step with its values and what happened
 * @param message  for a failure, why in short ("no match within 5000 ms"); for a skip, why it did not run
 * @param expected for a failed expect, what it looked for; else null
 * @param received for a failed expect, what had arrived and was not consumed; else null
 * @param fields   more for JSON: bytes, local and remote address, what matched, captured variables
 */
record StepResult(Status status, Script script, Step.Action action, String round, long endMillis, long nanos,
                  String detail, String message, String expected, String received, Map<String, Object> fields) {

    enum Status {
        PASS, FAIL, SKIP;

        /** The line's event word: pass, fail, skip. */
        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code step 5 (line 12, repeat 2/3)}: where in the script, the same in every run. */
    String place() {
        return "step " + action.number() + " (line " + action.at().line() + (round == null ? "" : ", repeat " + round)
                + ")";
    }
}
