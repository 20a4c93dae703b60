package io.socketdeck.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Named pipes (FIFOs), for files whose open waits: opening one for writing waits until something
 * opens it for reading, and the other way round. As on Linux; elsewhere a test using one is
 * skipped.
 */
public final class NamedPipes {

    private NamedPipes() {
    }

    /** A new named pipe {@code name} in {@code dir}. */
    public static Path create(Path dir, String name) throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "named pipes as on Linux");
        Path pipe = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).redirectErrorStream(true).start();
        assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo works here");
        return pipe;
    }
}
