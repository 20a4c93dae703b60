package io.socketdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), DroppedArrays.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        assertEquals(0, child.exitValue(), output);
        String[] lines = output.split("\\R");
        double figure = Double.parseDouble(lines[lines.length - 1]);
        assertTrue(figure < 32, "64 MiB dropped, the figure " + figure + " MB");
    }

    /** The child: fills 64 MiB, drops it and prints the figure. */
    static final class DroppedArrays {
        public static void main(String[] args) {
            List<byte[]> dropped = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                dropped.add(new byte[1 << 20]);
            }
            System.out.println("made " + dropped.size() + " MiB");
            dropped = null;
            System.out.println(UiFloodBench.heapAfterGcMb());
        }
    }
}
