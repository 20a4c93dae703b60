package io.socketdeck.ui.relay;

import io.socketdeck.core.relay.LegFaults;
import io.socketdeck.core.relay.RewriteRule;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.Numbers;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.common.WordedText;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fault fields of one direction, as typed, and the {@link LegFaults} they make. Every change
 * is checked at once: a wrong value shows its message at its field and the faults in force stay
 * the last good ones, so a live relay never gets half a change. An empty field is "off".
 */
final class LegFaultFields {

    static final int MAX_MILLIS = 600_000;
    static final int MAX_SLICE = 1 << 24;
    static final long MAX_BYTES = 1L << 50;

    /** A rewrite rule as typed, kept across restarts; made into a {@link RewriteRule} in the traffic's charset. */
    record RuleSpec(RewriteRule.Kind kind, String match, String replacement) {
    }

    private final Leg leg;
    private final Supplier<Charset> charset;
    private final ObservableBooleanValue udp;
    final Field latency = new Field("latency");
    final Field jitter = new Field("jitter");
    final Field bandwidth = new Field("bandwidth");
    final Field slice = new Field("slice");
    final Field sliceDelay = new Field("sliceDelay");
    final Field drop = new Field("drop");
    final Field corrupt = new Field("corrupt");
    final Field resetAfter = new Field("resetAfter");
    final Field closeAfter = new Field("closeAfter");
    private final BooleanProperty stall = new SimpleBooleanProperty(this, "stall");
    private final ObservableList<RuleSpec> rules = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LegFaults> faults = new ReadOnlyObjectWrapper<>(this, "faults", LegFaults.NONE);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    /**
     * @param charset the traffic's encoding, in which text rules are matched
     * @param udp     true while the relay's protocol is UDP: drop applies to datagrams only
     */
    LegFaultFields(Leg leg, Supplier<Charset> charset, ObservableBooleanValue udp) {
        this.leg = leg;
        this.charset = charset;
        this.udp = udp;
        for (Field field : fields()) {
            field.text.addListener((obs, old, now) -> check());
        }
        stall.addListener((obs, old, now) -> check());
        rules.addListener((Observable obs) -> check());
        udp.addListener((obs, old, now) -> check());
    }

    List<Field> fields() {
        return List.of(latency, jitter, bandwidth, slice, sliceDelay, drop, corrupt, resetAfter, closeAfter);
    }

    Leg leg() {
        return leg;
    }

    /** Makes the faults from the fields; on a wrong value, says so at its field and keeps the faults in force. */
    void check() {
        for (Field field : fields()) {
            field.error.set(null);
        }
        long latencyMs = whole(latency, MAX_MILLIS);
        long jitterMs = whole(jitter, MAX_MILLIS);
        long bytesPerSecond = whole(bandwidth, MAX_BYTES);
        long sliceBytes = whole(slice, MAX_SLICE);
        long sliceMs = whole(sliceDelay, MAX_MILLIS);
        double dropShare = percent(drop);
        double corruptShare = percent(corrupt);
        long reset = whole(resetAfter, MAX_BYTES);
        long close = whole(closeAfter, MAX_BYTES);
        if (jitterMs > latencyMs && latencyMs >= 0) {
            jitter.error.word(() -> I18n.format("relay.fault.error.jitter", I18n.count(latencyMs)));
        }
        if (dropShare > 0 && !udp.get()) {
            drop.error.word(() -> I18n.text("relay.fault.error.udpOnly"));
        }
        boolean ok = fields().stream().allMatch(field -> field.error.get() == null);
        valid.set(ok);
        if (!ok) {
            return;
        }
        faults.set(new LegFaults((int) latencyMs, (int) jitterMs, bytesPerSecond, (int) sliceBytes, (int) sliceMs,
                dropShare, corruptShare, reset, close, stall.get(), rewriteRules()));
    }

    /** The rules in the traffic's charset; a rule that no longer encodes in it is left out. */
    private List<RewriteRule> rewriteRules() {
        List<RewriteRule> made = new ArrayList<>(rules.size());
        for (RuleSpec spec : rules) {
            if (RewriteRule.check(spec.kind(), spec.match(), spec.replacement(), charset.get()) == null) {
                made.add(new RewriteRule(spec.kind(), spec.match(), spec.replacement(), charset.get()));
            }
        }
        return made;
    }

    /** The number, 0 for an empty field, or -1 after setting the field's message. */
    private static long whole(Field field, long max) {
        String text = field.text.get() == null ? "" : field.text.get().strip();
        if (text.isEmpty()) {
            return 0;
        }
        long value = Numbers.parse(text, 0, max);
        if (value < 0) {
            field.error.word(() -> I18n.format("relay.fault.error.whole", I18n.count(max)));
        }
        return value;
    }

    /** A percentage as a share of 1, 0 for an empty field, or 0 after setting the field's message. */
    private static double percent(Field field) {
        String text = field.text.get() == null ? "" : field.text.get().strip();
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            return 0;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0) {
                return value.doubleValue() / 100;
            }
        } catch (NumberFormatException e) {
            // shown at the field below
        }
        field.error.word(() -> I18n.text("relay.fault.error.percent"));
        return 0;
    }

    /** Switches every fault of this direction off and forgets its rules. */
    void clear() {
        for (Field field : fields()) {
            field.text.set("");
        }
        stall.set(false);
        rules.clear();
    }

    /** The faults in force: the last good ones typed. */
    ReadOnlyObjectProperty<LegFaults> faultsProperty() {
        return faults.getReadOnlyProperty();
    }

    /** False while a field has a wrong value. */
    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    BooleanProperty stallProperty() {
        return stall;
    }

    ObservableList<RuleSpec> rules() {
        return rules;
    }

    PersistedFields persisted() {
        PersistedFields persisted = new PersistedFields();
        for (Field field : fields()) {
            persisted.text(field.key, field.text);
        }
        return persisted.flag("stall", stall).custom("rewrites", this::saveRules, this::restoreRules, rules);
    }

    private void saveRules(Settings settings, String path) {
        List<Map<String, Object>> saved = new ArrayList<>(rules.size());
        for (RuleSpec rule : rules) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", rule.kind().name());
            entry.put("match", rule.match());
            entry.put("replacement", rule.replacement());
            saved.add(entry);
        }
        settings.put(path, saved);
    }

    private void restoreRules(Settings settings, String path) {
        List<RuleSpec> restored = new ArrayList<>();
        if (settings.get(path).orElse(null) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry && entry.get("match") instanceof String match
                        && entry.get("replacement") instanceof String replacement
                        && entry.get("kind") instanceof String kind) {
                    try {
                        restored.add(new RuleSpec(RewriteRule.Kind.valueOf(kind), match, replacement));
                    } catch (IllegalArgumentException e) {
                        // an unknown kind from a newer version: left out
                    }
                }
            }
        }
        rules.setAll(restored);
    }

    /** One fault field: what was typed, and what is wrong with it (null when nothing). */
    static final class Field {
        final String key;
        final StringProperty text = new SimpleStringProperty(this, "text", "");
        final WordedText error = new WordedText(this, "error");

        Field(String key) {
            this.key = key;
        }

        StringProperty textProperty() {
            return text;
        }

        ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }
}
