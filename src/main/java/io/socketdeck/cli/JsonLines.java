package io.socketdeck.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** One JSON object per line ({@code --json}): what a CI job or a collector parses. */
public final class JsonLines {

    /**
     * Always three fraction digits: {@code Instant.toString()} drops them on a whole second
     * ({@code ...:28Z}), so a collector parsing a fixed width would fail once a second.
     */
    private static final DateTimeFormatter TIME = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JsonLines() {
    }

    /** The {@code "time"} field: an ISO-8601 UTC instant with milliseconds, e.g. {@code 2026-12-02T20:15:28.000Z}. */
    public static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
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
