package io.socketdeck.ui.relay;

import io.socketdeck.core.relay.LegFaults;
import io.socketdeck.core.session.Leg;
import io.socketdeck.ui.common.I18n;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The words of the badges that say which faults are on: one short pill per active fault or rewrite set. */
final class FaultBadges {

    private FaultBadges() {
    }

    /** One text per active fault of {@code faults}, arrow first: "↑ latency 50 ± 5 ms". */
    static List<String> of(Leg leg, LegFaults faults) {
        List<String> badges = new ArrayList<>();
        String way = I18n.text("relay.badge." + leg.name());
        if (faults.latencyMillis() > 0) {
            badges.add(faults.jitterMillis() > 0
                    ? I18n.format("relay.badge.latencyJitter", way, I18n.count(faults.latencyMillis()), I18n.count(faults.jitterMillis()))
                    : I18n.format("relay.badge.latency", way, I18n.count(faults.latencyMillis())));
        }
        if (faults.bandwidthBytesPerSecond() > 0) {
            badges.add(I18n.format("relay.badge.bandwidth", way, I18n.count(faults.bandwidthBytesPerSecond())));
        }
        if (faults.sliceBytes() > 0) {
            badges.add(faults.sliceDelayMillis() > 0
                    ? I18n.format("relay.badge.sliceDelay", way, I18n.count(faults.sliceBytes()), I18n.count(faults.sliceDelayMillis()))
                    : I18n.format("relay.badge.slice", way, I18n.count(faults.sliceBytes())));
        }
        if (faults.dropProbability() > 0) {
            badges.add(I18n.format("relay.badge.drop", way, percent(faults.dropProbability())));
        }
        if (faults.corruptProbability() > 0) {
            badges.add(I18n.format("relay.badge.corrupt", way, percent(faults.corruptProbability())));
        }
        if (faults.resetAfterBytes() > 0) {
            badges.add(I18n.format("relay.badge.resetAfter", way, I18n.count(faults.resetAfterBytes())));
        }
        if (faults.closeAfterBytes() > 0) {
            badges.add(I18n.format("relay.badge.closeAfter", way, I18n.count(faults.closeAfterBytes())));
        }
        if (faults.stall()) {
            badges.add(I18n.format("relay.badge.stall", way));
        }
        if (!faults.rewrites().isEmpty()) {
            badges.add(I18n.format("relay.badge.rewrite", way, faults.rewrites().size()));
        }
        return badges;
    }

    /** 0.125 as "12.5": as typed, without a float's noise. */
    static String percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
