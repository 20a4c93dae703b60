package io.socketdeck.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.socketdeck.core.session.TrafficCounters;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputMeterTest {

    private static final long SECOND = 1_000_000_000L;

    private final TrafficCounters counters = new TrafficCounters();
    private final ThroughputMeter meter = new ThroughputMeter(counters);

    @Test
    void ratesPerSecondInBothDirections() {
        assertSame(ThroughputSample.NONE, meter.sample(10 * SECOND), "the first tick only starts");
        counters.addReceived(1000);
        counters.addReceived(500);
        counters.addSent(200);
        ThroughputSample sample = meter.sample(11 * SECOND);
        assertEquals(1500, sample.rxBytesPerSecond(), 1e-9);
        assertEquals(2, sample.rxMessagesPerSecond(), 1e-9);
        assertEquals(200, sample.txBytesPerSecond(), 1e-9);
        assertEquals(1, sample.txMessagesPerSecond(), 1e-9);
        assertEquals(sample, meter.current());
    }

    @Test
    void aLateTickDividesByTheRealInterval() {
        meter.sample(0);
        counters.addReceived(3000);
        ThroughputSample late = meter.sample(SECOND * 3 / 2);
        assertEquals(2000, late.rxBytesPerSecond(), 1e-9);
        assertEquals(1.5, late.seconds(), 1e-12);
    }

    @Test
    void keepsTheLastSixtySamples() {
        meter.sample(0);
        for (int second = 1; second <= 75; second++) {
            counters.addSent(second);
            meter.sample(second * SECOND);
        }
        List<ThroughputSample> history = meter.history();
        assertEquals(ThroughputMeter.HISTORY, history.size());
        assertEquals(16, history.get(0).txBytesPerSecond(), 1e-9, "oldest kept is second 16");
        assertEquals(75, history.get(59).txBytesPerSecond(), 1e-9);
    }

    @Test
    void aCounterResetIsNotANegativeRate() {
        meter.sample(0);
        counters.addReceived(5000);
        meter.sample(SECOND);
        counters.reset();
        counters.addReceived(300);
        assertEquals(300, meter.sample(2 * SECOND).rxBytesPerSecond(), 1e-9);
    }

    @Test
    void twoTicksAtOneInstantChangeNothing() {
        meter.sample(SECOND);
        counters.addReceived(10);
        ThroughputSample first = meter.sample(2 * SECOND);
        assertSame(first, meter.sample(2 * SECOND));
        assertEquals(1, meter.history().size());
    }

    @Test
    void clearStartsOver() {
        meter.sample(0);
        counters.addReceived(10);
        meter.sample(SECOND);
        meter.clear();
        assertEquals(List.of(), meter.history());
        assertSame(ThroughputSample.NONE, meter.sample(5 * SECOND));
    }

    @Test
    void aQuietSpellNobodySampledShowsAsZerosAndTheNextSampleMeasuresItsLastSecond() {
        meter.sample(0);
        counters.addReceived(100);
        meter.sample(SECOND);
        assertEquals(false, meter.isQuiet());
        meter.skipQuiet(SECOND + 5 * SECOND + SECOND / 2); // woken 5.5 s later by new traffic
        List<ThroughputSample> history = meter.history();
        assertEquals(1 + 4, history.size(), "four whole quiet seconds, the fifth is measured next");
        assertEquals(100, history.get(0).rxBytesPerSecond(), 1e-9);
        for (ThroughputSample quiet : history.subList(1, 5)) {
            assertEquals(0, quiet.rxBytesPerSecond(), 1e-9);
        }
        counters.addReceived(300);
        ThroughputSample next = meter.sample(SECOND + 5 * SECOND + SECOND / 2); // at once, on the wake
        assertEquals(300 / 1.5, next.rxBytesPerSecond(), 1e-9, "the last quiet second and a half, with what came in it");
    }

    @Test
    void quietOnlyOnceEveryKeptSampleIsZero() {
        meter.sample(0);
        counters.addSent(10);
        meter.sample(SECOND);
        meter.sample(2 * SECOND);
        assertEquals(false, meter.isQuiet(), "a non-zero sample is still on the chart");
        meter.skipQuiet(2 * SECOND + (ThroughputMeter.HISTORY + 2) * SECOND);
        assertEquals(true, meter.isQuiet(), "it has scrolled off");
        meter.skipQuiet(2 * SECOND + (ThroughputMeter.HISTORY + 2) * SECOND + SECOND / 10);
        assertEquals(ThroughputMeter.HISTORY, meter.history().size());
    }
}
