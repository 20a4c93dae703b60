package io.socketdeck.ui.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.relay.LegFaults;
import io.socketdeck.core.relay.RewriteRule;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.ui.common.I18n;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fault fields of one direction, without a window: what they make of what is typed. */
class LegFaultFieldsTest {

    private final SimpleBooleanProperty udp = new SimpleBooleanProperty(false);
    private final LegFaultFields fields = new LegFaultFields(Leg.UP, () -> StandardCharsets.UTF_8, udp);

    @BeforeAll
    static void strings() {
        new RelayTab(); // registers the tab's bundle
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void emptyFieldsAreNoFaults() {
        assertEquals(LegFaults.NONE, fields.faultsProperty().get());
        assertTrue(fields.validProperty().get());
    }

    @Test
    void everyFieldMakesItsFault() {
        fields.latency.text.set(" 50 ");
        fields.jitter.text.set("10");
        fields.bandwidth.text.set("1000");
        fields.slice.text.set("16");
        fields.sliceDelay.text.set("5");
        fields.corrupt.text.set("12.5%");
        fields.resetAfter.text.set("100");
        fields.closeAfter.text.set("200");
        fields.stallProperty().set(true);
        fields.rules().add(new LegFaultFields.RuleSpec(RewriteRule.Kind.HEX, "01 ??", "02"));
        LegFaults made = fields.faultsProperty().get();
        assertEquals(new LegFaults(50, 10, 1000, 16, 5, 0, 0.125, 100, 200, true,
                List.of(new RewriteRule(RewriteRule.Kind.HEX, "01 ??", "02", StandardCharsets.UTF_8))), made);
        assertEquals(List.of("\u2191 latency 50 \u00b1 10 ms", "\u2191 1,000 B/s", "\u2191 slice 16 B / 5 ms",
                "\u2191 corrupt 12.5 %", "\u2191 reset after 100 B", "\u2191 close after 200 B", "\u2191 stalled",
                "\u2191 rewrite \u00d71"), FaultBadges.of(Leg.UP, made));
    }

    @Test
    void aWrongValueIsSaidAtItsFieldAndTheLastGoodFaultsStay() {
        fields.latency.text.set("20");
        fields.latency.text.set("-5");
        assertNotNull(fields.latency.errorProperty().get());
        assertFalse(fields.validProperty().get());
        assertEquals(20, fields.faultsProperty().get().latencyMillis(), "the last good faults stay in force");
        fields.latency.text.set("30");
        assertNull(fields.latency.errorProperty().get());
        assertEquals(30, fields.faultsProperty().get().latencyMillis());
    }

    @Test
    void jitterAboveTheLatencyAndDropOnTcpAreRefused() {
        fields.latency.text.set("10");
        fields.jitter.text.set("11");
        assertTrue(fields.jitter.errorProperty().get().contains("10"), fields.jitter.errorProperty().get());
        fields.jitter.text.set("");
        fields.drop.text.set("5");
        assertNotNull(fields.drop.errorProperty().get(), "drop is for UDP");
        udp.set(true);
        assertNull(fields.drop.errorProperty().get());
        assertEquals(0.05, fields.faultsProperty().get().dropProbability(), 1e-12);
        fields.drop.text.set("100.5");
        assertNotNull(fields.drop.errorProperty().get(), "above 100 %");
    }

    @Test
    void fieldsAndRulesSurviveARestart() {
        fields.slice.text.set("8");
        fields.rules().add(new LegFaultFields.RuleSpec(RewriteRule.Kind.REGEX, "t=(\\d+)", "t=$1!"));
        Settings settings = new Settings();
        fields.persisted().saveTo(settings, "relay.up");
        LegFaultFields again = new LegFaultFields(Leg.UP, () -> StandardCharsets.UTF_8, udp);
        again.persisted().restoreFrom(settings, "relay.up");
        assertEquals(fields.faultsProperty().get(), again.faultsProperty().get());
        assertEquals(fields.rules(), again.rules());
    }
}
