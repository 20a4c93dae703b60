package io.socketdeck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareGraphicsTest {

    @TempDir
    Path dev;

    @Test
    void noDriNodesMeansNoGpuDriver() throws IOException {
        assertFalse(SoftwareGraphics.hasGpuDriver(dev), "no dri directory");
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/card0")); // a display controller alone renders nothing
        assertFalse(SoftwareGraphics.hasGpuDriver(dev));
    }

    @Test
    void aRenderNodeIsAGpuDriver() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        assertTrue(SoftwareGraphics.hasGpuDriver(dev));
    }

    @Test
    void nvidiasOwnDriverIsAGpuDriver() throws IOException {
        Files.createFile(dev.resolve("nvidia0"));
        assertTrue(SoftwareGraphics.hasGpuDriver(dev));
    }
}
