package io.socketdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benches' heap figure: the live heap, as a stopped whole collection finds it (the class histogram's total). */
class HeapFigureTest {

    @Test
    void theTotalIsTheHistogramsLastLine() {
        String histogram = """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         35313       28690328  [B (java.base@17.0.15)
                   2:          6602       14286944  [I (java.base@17.0.15)
                Total        412345       52428800
                """;
        assertEquals(52_428_800L, UiFloodBench.histogramTotalBytes(histogram));
    }

    @Test
    void aHistogramWithoutItsTotalIsAnError() {
        assertThrows(IllegalStateException.class, () -> UiFloodBench.histogramTotalBytes("   1:  3  48  [B\n"));
    }

    /** Against this JVM's own heap: at least what a test keeps reachable, and far under the heap's size. */
    @Test
    void theFigureCountsWhatIsReachable() {
        double before = UiFloodBench.heapAfterGcMb();
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            kept.add(new byte[1 << 20]);
        }
        double after = UiFloodBench.heapAfterGcMb();
        assertEquals(32, kept.size());
        assertTrue(after - before >= 31, "32 MiB kept, the figure grew " + (after - before) + " MB");
        assertTrue(after < Runtime.getRuntime().totalMemory() / (1024.0 * 1024.0) + 1, after + " MB");
    }
}
