package io.socketdeck.core.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tree of settings addressed by dotted paths ({@code "tcpClient.host"}, {@code "window.width"}),
 * holding only what JSON holds: text, numbers, true/false, lists and maps.
 *
 * <p>Getters never fail: a missing value, or one of the wrong type (a hand-edited file with
 * {@code "port": "abc"}), gives the default passed in, so one bad entry costs that entry only.
 * Strings are capped at {@link #MAX_STRING_CHARS}. Not thread-safe: the UI owns it; hand a {@link #copy()} to another thread.
 */
public final class Settings {

    private static final Logger LOGGER = LoggerFactory.getLogger(Settings.class);

    /**
     * The longest string stored: a twentieth of what the JSON reader takes (20 million chars), so
     * no single value can make the next start fail to read the file and reset every setting. A
     * longer string is stored as "" (and logged): that value alone is lost.
     */
    public static final int MAX_STRING_CHARS = 1 << 20;

    private final Map<String, Object> root;

    public Settings() {
        this(new LinkedHashMap<>());
    }

    private Settings(Map<String, Object> root) {
        this.root = root;
    }

    /** A deep copy of {@code tree}, which must hold only JSON values. */
    public static Settings of(Map<String, ?> tree) {
        return new Settings(copyMap(tree));
    }

    /** The raw value at {@code path}: a String, Number, Boolean, List or Map; empty if absent. */
    public Optional<Object> get(String path) {
        String[] keys = split(path);
        Map<?, ?> node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            if (!(node.get(keys[i]) instanceof Map<?, ?> child)) {
                return Optional.empty();
            }
            node = child;
        }
        return Optional.ofNullable(node.get(keys[keys.length - 1]));
    }

    public String getString(String path, String defaultValue) {
        return get(path).filter(String.class::isInstance).map(String.class::cast).orElse(defaultValue);
    }

    public boolean getBoolean(String path, boolean defaultValue) {
        return get(path).filter(Boolean.class::isInstance).map(Boolean.class::cast).orElse(defaultValue);
    }

    /** A whole number that fits an int; anything else (text, 1.5, 1e12) gives the default. */
    public int getInt(String path, int defaultValue) {
        long value = getLong(path, Long.MIN_VALUE);
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE && value != Long.MIN_VALUE
                ? (int) value : defaultValue;
    }

    public long getLong(String path, long defaultValue) {
        Optional<Object> value = get(path);
        if (value.isEmpty() || !(value.get() instanceof Number number)) {
            return defaultValue;
        }
        double asDouble = number.doubleValue();
        if (number instanceof Double || number instanceof Float || number instanceof java.math.BigDecimal) {
            return asDouble == Math.rint(asDouble) && Math.abs(asDouble) < 9.0e15 ? (long) asDouble : defaultValue;
        }
        if (number instanceof java.math.BigInteger big) {
            return big.bitLength() < 64 ? big.longValue() : defaultValue;
        }
        return number.longValue();
    }

    public double getDouble(String path, double defaultValue) {
        return get(path).filter(Number.class::isInstance).map(n -> ((Number) n).doubleValue()).orElse(defaultValue);
    }

    /** The strings of the list at {@code path} in order, skipping anything else; empty if absent. */
    public List<String> getStringList(String path) {
        Optional<Object> value = get(path);
        if (value.isEmpty() || !(value.get() instanceof List<?> list)) {
            return List.of();
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object item : list) {
            if (item instanceof String text) {
                strings.add(text);
            }
        }
        return List.copyOf(strings);
    }

    /**
     * Sets {@code path} to a copy of {@code value}, creating the maps on the way (replacing a
     * non-map in the way). {@code value} may be a String, Number, Boolean, an enum (stored by name),
     * a List or Map of those, or null to remove the entry.
     */
    public Settings put(String path, Object value) {
        String[] keys = split(path);
        Map<String, Object> node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            Object child = node.get(keys[i]);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(keys[i], child);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) child;
            node = map;
        }
        if (value == null) {
            node.remove(keys[keys.length - 1]);
        } else {
            node.put(keys[keys.length - 1], copyValue(value));
        }
        return this;
    }

    public Settings remove(String path) {
        return put(path, null);
    }

    /** A deep copy of the whole tree. */
    public Map<String, Object> toMap() {
        return copyMap(root);
    }

    public Settings copy() {
        return new Settings(copyMap(root));
    }

    public boolean isEmpty() {
        return root.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Settings settings && root.equals(settings.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return root.toString();
    }

    private static String[] split(String path) {
        Objects.requireNonNull(path, "path");
        String[] keys = path.split("\\.", -1);
        for (String key : keys) {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty key in settings path \"" + path + "\"");
            }
        }
        return keys;
    }

    private static Map<String, Object> copyMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() != null) {
                copy.put(String.valueOf(entry.getKey()), copyValue(entry.getValue()));
            }
        }
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof String text) {
            if (text.length() > MAX_STRING_CHARS) {
                LOGGER.warn("a setting of {} characters is over the limit of {}: stored empty", text.length(),
                        MAX_STRING_CHARS);
                return "";
            }
            return text;
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(item == null ? null : copyValue(item));
            }
            return copy;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
}
