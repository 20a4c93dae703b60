package io.socketdeck.core.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;

/**
 * JSON as plain Java values (maps, lists, strings, numbers, booleans, null) through jackson-jr,
 * for files people may edit by hand or hand us from elsewhere. Parsing is strict about the whole
 * text: a valid value followed by anything else is an error, not half a file silently accepted.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JSON READER = JSON.std;
    private static final JSON WRITER = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private Json() {
    }

    /**
     * One JSON value from {@code text}: a {@code Map<String, Object>} (keys in file order), a
     * {@code List<Object>}, a String, a Number, a Boolean or null.
     *
     * @throws IOException when the text is not exactly one JSON value
     */
    public static Object parse(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return parseWhole(parser);
        }
    }

    /**
     * Like {@link #parse(String)} for a file's bytes: the encoding (UTF-8, UTF-16 or UTF-32) is
     * detected as RFC 8259 says, and bytes that are not valid in it are an {@link IOException}.
     */
    public static Object parse(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            return parseWhole(parser);
        }
    }

    private static Object parseWhole(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw new IOException("no JSON value: the text is empty");
        }
        Object value = READER.anyFrom(parser);
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new IOException("unexpected " + after + " after the JSON value at "
                    + parser.currentLocation().offsetDescription());
        }
        return value;
    }

    /** Pretty-printed JSON for maps, lists, strings, numbers, booleans and null. */
    public static String write(Object value) throws IOException {
        return WRITER.asString(value);
    }
}
