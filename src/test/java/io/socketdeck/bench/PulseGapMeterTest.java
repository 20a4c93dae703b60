package io.socketdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The pulse meter's arithmetic, fed pulse times by hand (the timer itself never starts): which
 * gaps a phase counts, and how much of each. The toolkit runs only because an AnimationTimer
 * asks for it when made.
 */
@ExtendWith(ApplicationExtension.class)
class PulseGapMeterTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 1_000_000 * MS;

    private static PulseGapMeter pulsesAt(long... millis) {
        PulseGapMeter meter = new PulseGapMeter();
        for (long at : millis) {
            meter.handle(T0 + at * MS);
        }
        return meter;
    }

    @Test
    void aGapInsideAPhaseCountsWhole() {
        PulseGapMeter meter = pulsesAt(0, 16, 32, 132, 148);
        PulseGapMeter.Stats stats = meter.stats(List.of(UiPhase.between("storm", T0 + 20 * MS, T0 + 200 * MS)));
        assertEquals(3, stats.pulses(), "the pulses at 32, 132 and 148 ms");
        assertEquals(100.0, stats.maxGapMs(), 1e-9);
    }

    @Test
    void aGapThatBeganBeforeThePhaseCountsFromItsStart() {
        // The bench's own full collections from 16 ms on, the phase begun at 200 ms, the next pulse at 280 ms.
        PulseGapMeter meter = pulsesAt(0, 16, 280, 296);
        PulseGapMeter.Stats stats = meter.stats(List.of(UiPhase.between("storm", T0 + 200 * MS, T0 + 400 * MS)));
        assertEquals(2, stats.pulses());
        assertEquals(80.0, stats.maxGapMs(), 1e-9, "264 ms since the pulse before, 80 of them in the phase");
    }

    @Test
    void severalPhasesCountTheirOwnPartsAndNothingBetweenThem() {
        PulseGapMeter meter = pulsesAt(0, 16, 116, 132, 500, 516, 716);
        PulseGapMeter.Stats stats = meter.stats(List.of(
                UiPhase.between("round 1", T0 + 10 * MS, T0 + 140 * MS),
                UiPhase.between("round 2", T0 + 600 * MS, T0 + 800 * MS)));
        assertEquals(4, stats.pulses(), "16, 116 and 132 ms in round 1, 716 ms in round 2");
        assertEquals(116.0, stats.maxGapMs(), 1e-9, "round 2's gap from 600 to 716 ms; the 368 ms before it lie between the rounds");
    }

    @Test
    void aPhaseWithoutPulsesMeasuredNothingAndSaysSo() {
        PulseGapMeter meter = pulsesAt(0, 16, 32);
        assertThrows(IllegalStateException.class,
                () -> meter.stats(List.of(UiPhase.between("later", T0 + 100 * MS, T0 + 200 * MS))));
    }
}
