package io.socketdeck.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** One JSON object per line ({@code --json}): what a CI job or a collector parses. */
public final class JsonLines {

    private JsonLines() {
    }

    /** {@code fields} as one line of JSON, in their order (use a {@code LinkedHashMap}). */
    public static String line(Map<String, ?> fields) {
        try {
            return JSON.std.asString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
