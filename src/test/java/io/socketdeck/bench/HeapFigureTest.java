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

    /**
     * The arrays a test keeps are counted. Absolute, not against a figure taken before: in the
     * suite's JVM what earlier tests left behind is let go at any time (a figure before the arrays
     * once read 25 MB more than the one after them, beside stress-ng).
     */
    @Test
    void whatIsReachableIsCounted() {
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            kept.add(new byte[1 << 20]);
        }
        double figure = UiFloodBench.heapAfterGcMb();
        assertEquals(32, kept.size());
        assertTrue(figure >= 32, "32 MiB kept, the figure " + figure + " MB");
        assertTrue(figure < Runtime.getRuntime().totalMemory() / (1024.0 * 1024.0) + 1, figure + " MB");
    }

    /** In a JVM of its own (nothing else in it lets go meanwhile): 64 MiB made and dropped are not counted. */
    @Test
    void whatIsDroppedIsNot() throws Exception {
        try (PeerProcess child = PeerProcess.start(DroppedArrays.class)) {
            String figure = child.readLine();
            assertTrue(figure != null, "the child printed its figure");
            assertTrue(Double.parseDouble(figure) < 32, "64 MiB dropped, the figure " + figure + " MB");
        }
    }

    /** The child: makes 64 MiB it lets go of, then prints the figure. */
    static final class DroppedArrays {
        public static void main(String[] args) {
            System.out.println("READY");
            makeAndDrop();
            System.out.println(UiFloodBench.heapAfterGcMb());
        }

        /** 64 arrays of 1 MiB, held together until this returns (run once, interpreted: nothing elides them). */
        private static void makeAndDrop() {
            List<byte[]> arrays = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                arrays.add(new byte[1 << 20]);
            }
        }
    }
}
