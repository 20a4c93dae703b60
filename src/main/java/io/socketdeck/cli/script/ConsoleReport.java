package io.socketdeck.cli.script;

import io.socketdeck.cli.JsonLines;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run on standard output, a line per step as it ends: {@code HH:mm:ss.SSS pass|fail|skip SCRIPT
 * step N (line L) DETAIL 12.3 ms}, a {@code summary} line per script, and one for all of them when
 * there are several; or the same events as JSON lines ({@code --json}).
 */
final class ConsoleReport {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final PrintWriter out;
    private final boolean json;

    ConsoleReport(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Prints the step and returns its human line (kept for the JUnit report either way). */
    String step(StepResult result) {
        String line = line(result);
        out.println(json ? JsonLines.line(fields(result)) : line);
        return line;
    }

    static String line(StepResult result) {
        StringBuilder line = new StringBuilder(clock(result.endMillis())).append(' ').append(result.status().word())
                .append(' ').append(scriptWord(result.script())).append(' ').append(result.place()).append(' ')
                .append(result.detail());
        if (result.status() != StepResult.Status.SKIP) {
            line.append(' ').append(millis(result.nanos())).append(" ms");
        }
        return line.toString();
    }

    private static Map<String, Object> fields(StepResult result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", JsonLines.time(result.endMillis()));
        fields.put("event", result.status().word());
        fields.put("script", result.script().name());
        fields.put("file", result.script().file());
        fields.put("step", result.action().number());
        fields.put("line", result.action().at().line());
        if (result.round() != null) {
            fields.put("repeat", result.round());
        }
        fields.put("kind", result.action().kind());
        fields.put("source", result.action().describe());
        fields.put("detail", result.detail());
        if (result.status() != StepResult.Status.SKIP) {
            fields.put("ms", Double.valueOf(millis(result.nanos())));
        }
        if (result.message() != null) {
            fields.put("message", result.message());
        }
        fields.putAll(result.fields()); // a failed expect's expected and received, as they are, not quoted

        return fields;
    }

    /** Prints the script's summary line and returns it. */
    String summary(ScriptTally tally) {
        long passed = tally.count(StepResult.Status.PASS);
        long failed = tally.count(StepResult.Status.FAIL);
        long skipped = tally.count(StepResult.Status.SKIP);
        String line = clock(System.currentTimeMillis()) + " summary " + scriptWord(tally.script()) + " passed " + passed
                + " failed " + failed + " skipped " + skipped + " " + millis(tally.nanos()) + " ms";
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("time", JsonLines.time(System.currentTimeMillis()));
            fields.put("event", "summary");
            fields.put("script", tally.script().name());
            fields.put("file", tally.script().file());
            fields.put("result", tally.passed() ? "pass" : "fail");
            fields.put("passed", passed);
            fields.put("failed", failed);
            fields.put("skipped", skipped);
            fields.put("ms", Double.valueOf(millis(tally.nanos())));
            out.println(JsonLines.line(fields));
        } else {
            out.println(line);
        }
        return line;
    }

    /** The line over several scripts: how many passed, how many failed. */
    void total(List<ScriptTally> tallies, long nanos) {
        long passed = tallies.stream().filter(ScriptTally::passed).count();
        long failed = tallies.size() - passed;
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("time", JsonLines.time(System.currentTimeMillis()));
            fields.put("event", "summary");
            fields.put("scripts", tallies.size());
            fields.put("passed", passed);
            fields.put("failed", failed);
            fields.put("ms", Double.valueOf(millis(nanos)));
            out.println(JsonLines.line(fields));
        } else {
            out.println(clock(System.currentTimeMillis()) + " summary scripts " + tallies.size() + " passed " + passed
                    + " failed " + failed + " " + millis(nanos) + " ms");
        }
    }

    static String clock(long millis) {
        return CLOCK.format(LocalTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault()));
    }

    /** {@code 12.3}: milliseconds with one decimal, a dot whatever the language. */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** The script's name as one word of the line: quoted when it has spaces. */
    static String scriptWord(Script script) {
        String name = script.name();
        return name.chars().anyMatch(Character::isWhitespace) || name.isEmpty() ? Shown.quote(name) : name;
    }
}
