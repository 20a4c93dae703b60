package io.socketdeck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Picks JavaFX's software pipeline up front where it would end up anyway. On Linux JavaFX first
 * tries OpenGL (ES2); on a machine without a GPU driver, Mesa offers only its software OpenGL,
 * which JavaFX refuses ("Failed Graphics Hardware Qualifier check") before falling back to its own
 * software renderer. The probe costs about 13 MB of resident memory for the rest of the run (Mesa's
 * libraries stay mapped) and buys nothing. A GPU driver shows itself as a render node
 * ({@code /dev/dri/renderD*}) or, for NVIDIA's own driver, {@code /dev/nvidia0}; where either
 * exists, or the user chose a pipeline ({@code -Dprism.order}), nothing changes.
 */
final class SoftwareGraphics {

    private SoftwareGraphics() {
    }

    /**
     * Sets {@code prism.order=sw} when this is Linux, nothing is chosen yet, and no GPU driver
     * shows; on such a machine also keeps GTK from probing OpenGL ({@link GtkOpenGl}).
     */
    static void chooseIfNoGpu() {
        if (!isLinux() || hasGpuDriver(Path.of("/dev"))) {
            return;
        }
        if (System.getProperty("prism.order") == null) {
            System.setProperty("prism.order", "sw");
        }
        GtkOpenGl.disable();
    }

    /** Whether {@code dev} (a {@code /dev}) shows a device a hardware OpenGL driver renders with. */
    static boolean hasGpuDriver(Path dev) {
        if (Files.exists(dev.resolve("nvidia0"))) {
            return true;
        }
        try (Stream<Path> dri = Files.list(dev.resolve("dri"))) {
            return dri.anyMatch(node -> node.getFileName().toString().startsWith("renderD"));
        } catch (IOException | SecurityException noDri) {
            return false;
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    }
}
