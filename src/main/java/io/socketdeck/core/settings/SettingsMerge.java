package io.socketdeck.core.settings;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges what one instance saves with what the file holds now, which another instance (or a hand
 * edit) may have saved since this one read it: a three-way merge against what this instance read
 * or last saved (the base).
 *
 * <ul>
 *   <li>A value this instance has not changed since the base takes the file's, even when that is
 *       no value (the other instance removed it: a tab it closed).</li>
 *   <li>A value only this instance changed is this instance's.</li>
 *   <li>Objects are merged key by key, so two instances changing different fields of one tab keep
 *       both. A list is one value (the quick commands, the open tabs): when both changed it, or
 *       any other value, the later save's is kept.</li>
 * </ul>
 *
 * Numbers are compared by value: {@code 1280} read from the file and {@code 1280.0} written back
 * are no change.
 */
final class SettingsMerge {

    private SettingsMerge() {
    }

    /**
     * @param conflicts gets the dotted path of each value both changed, for the log
     */
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> ours, Map<String, Object> theirs,
                                     List<String> conflicts) {
        return mergeMaps("", base, ours, theirs, conflicts);
    }

    /** The merged value at {@code path}; null for none. */
    private static Object value(String path, Object base, Object ours, Object theirs, List<String> conflicts) {
        if (same(ours, base)) {
            return theirs;
        }
        if (same(theirs, base) || same(theirs, ours)) {
            return ours;
        }
        if (ours instanceof Map<?, ?> ourMap && theirs instanceof Map<?, ?> theirMap) {
            return mergeMaps(path, base instanceof Map<?, ?> baseMap ? baseMap : Map.of(), ourMap, theirMap, conflicts);
        }
        conflicts.add(path);
        return ours;
    }

    /** Our keys in our order, then the keys only theirs has. */
    private static Map<String, Object> mergeMaps(String path, Map<?, ?> base, Map<?, ?> ours, Map<?, ?> theirs,
                                                 List<String> conflicts) {
        Set<Object> keys = new LinkedHashSet<>(ours.keySet());
        keys.addAll(theirs.keySet());
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Object key : keys) {
            String child = path.isEmpty() ? String.valueOf(key) : path + "." + key;
            Object value = value(child, base.get(key), ours.get(key), theirs.get(key), conflicts);
            if (value != null) {
                merged.put(String.valueOf(key), value);
            }
        }
        return merged;
    }

    /** Equal as JSON: numbers by value, objects whatever their keys' order. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            BigDecimal left = decimal(x);
            BigDecimal right = decimal(y);
            return left != null && right != null ? left.compareTo(right) == 0 : x.equals(y);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size() || !x.keySet().equals(y.keySet())) {
                return false;
            }
            return x.entrySet().stream().allMatch(entry -> same(entry.getValue(), y.get(entry.getKey())));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    /** Null for NaN and the infinities, which have no decimal value. */
    private static BigDecimal decimal(Number number) {
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException notFinite) {
            return null;
        }
    }
}
