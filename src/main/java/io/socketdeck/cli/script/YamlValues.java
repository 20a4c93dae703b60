package io.socketdeck.cli.script;

import io.socketdeck.cli.ChecksumConverter;
import io.socketdeck.cli.Encodings;
import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import picocli.CommandLine.TypeConversionException;

/** Scalar values of a script (times, counts, switches, encodings), refused at their line and column. */
final class YamlValues {

    /** A day: longer waits are surely a typo, and would overflow nothing but a CI job's patience. */
    static final long MAX_MILLIS = 86_400_000L;
    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?");

    private final String file;

    YamlValues(String file) {
        this.file = file;
    }

    String scalar(Node node, String what) throws ScriptException {
        if (!(node instanceof ScalarNode scalar)) {
            throw ScriptException.at(file, node, what + " takes a single value, not a list or a mapping");
        }
        return scalar.getValue();
    }

    /** {@code 500} (milliseconds), {@code 500ms}, {@code 2s}, {@code 1.5s}. */
    Duration time(Node node, String what, boolean zeroAllowed) throws ScriptException {
        String text = scalar(node, what).strip();
        Matcher m = TIME.matcher(text);
        if (m.matches()) {
            double value = Double.parseDouble(m.group(1)) * ("s".equals(m.group(2)) ? 1000 : 1);
            if (value == Math.rint(value) && value <= MAX_MILLIS && (zeroAllowed || value > 0)) {
                return Duration.ofMillis((long) value);
            }
        }
        throw ScriptException.at(file, node, what + ": \"" + text + "\" is not a time: write milliseconds ("
                + (zeroAllowed ? "0" : "1") + " to " + MAX_MILLIS + ") like 500, or 500ms, 2s, 1.5s");
    }

    int count(Node node, String what, int min, int max) throws ScriptException {
        String text = scalar(node, what).strip();
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw ScriptException.at(file, node, what + ": \"" + text + "\" is not a whole number from " + min
                + " to " + max);
    }

    boolean flag(Node node, String what) throws ScriptException {
        String text = scalar(node, what).strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ScriptException.at(file, node, what + ": write true or false");
        };
    }

    Charset charset(Node node) throws ScriptException {
        String name = scalar(node, "encoding").strip();
        return Encodings.lookup(name).orElseThrow(() -> ScriptException.at(file, node, Encodings.unknown(name)));
    }

    LineEnding lineEnd(Node node) throws ScriptException {
        String name = scalar(node, "line-end").strip();
        for (LineEnding ending : LineEnding.values()) {
            if (ending.name().equalsIgnoreCase(name)) {
                return ending;
            }
        }
        throw ScriptException.at(file, node, "line-end: \"" + name + "\" is none of none, cr, lf, crlf");
    }

    Checksum checksum(Node node) throws ScriptException {
        try {
            return new ChecksumConverter().convert(scalar(node, "checksum"));
        } catch (TypeConversionException e) {
            throw ScriptException.at(file, node, e.getMessage());
        }
    }

    /** A variable or connection name: letters, digits and _, not starting with a digit. */
    String name(Node node, String what) throws ScriptException {
        String name = scalar(node, what);
        if (!VarText.NAME.matcher(name).matches()) {
            throw ScriptException.at(file, node, what + ": \"" + name
                    + "\" is not a name (letters, digits and _, not starting with a digit)");
        }
        return name;
    }
}
