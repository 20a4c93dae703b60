package io.socketdeck.bench;

import io.socketdeck.Launcher;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * From process start to the first frame of the real window, in a fresh JVM each time (median of
 * 5), against a bare JavaFX window ({@link BareWindow}) started the same way, alternating, in the
 * same run. Both print {@value #FIRST_FRAME} at their first frame's layout when started with
 * {@code -Dsocketdeck.exitOnFirstFrame=true}, and exit; the clock is this process's, from just
 * before it starts the child until it reads that line.
 *
 * <p>The display: a real X server when {@code Xvfb} is installed (GTK, as on a desktop; this
 * bench starts its own on a free display and stops it), otherwise Monocle headless. Choose with
 * {@code -Dbench.coldstart.display=xvfb|monocle}. Both use the software renderer, as under Xvfb
 * JavaFX refuses the hardware one anyway. The app starts with settings in a fresh temporary
 * file, as on a first start, never the user's.
 */
final class ColdStartBench {

    static final String FIRST_FRAME = "socketdeck: first frame";
    private static final int RUNS = Bench.rounds(5);
    private static final double RATIO_TARGET = 1.3;
    private static final long TIMEOUT_SECONDS = 120;

    private ColdStartBench() {
    }

    static void run() throws Exception {
        String display = System.getProperty("bench.coldstart.display", "auto");
        boolean xvfb = display.equals("xvfb") || display.equals("auto") && onPath("Xvfb");
        Path settingsDir = Files.createTempDirectory(Path.of("target"), "bench-coldstart");
        Process server = null;
        try {
            String x11 = null;
            if (xvfb) {
                server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1440x900x24", "-nolisten", "tcp")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String number = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine(); // Xvfb writes its display number once it accepts clients
                if (number == null) {
                    throw new IllegalStateException("Xvfb did not start");
                }
                x11 = ":" + number.trim();
            }
            Figures.note("cold start on " + (xvfb ? "Xvfb " + x11 + " (GTK)" : "Monocle headless") + ", software rendering");
            List<Double> app = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                app.add(start(Launcher.class.getName(), x11, settingsDir.resolve("settings-" + run + ".json")));
                bare.add(start(BareWindow.Main.class.getName(), x11, settingsDir.resolve("bare-" + run + ".json")));
                Figures.note(String.format(Locale.ROOT, "run %d: app %.0f ms, bare window %.0f ms", run + 1,
                        app.get(run), bare.get(run)));
            }
            double appMs = median(app);
            double bareMs = median(bare);
            String how = " (" + (xvfb ? "Xvfb" : "Monocle headless") + ", median of " + RUNS + ", alternating)";
            Figures.print("cold_start_ms", appMs, "process start to the real window's first frame, fresh JVM" + how);
            Figures.print("cold_start_bare_ms", bareMs, "the same for a bare JavaFX window, one Label in a Stage" + how);
            Figures.atMost("cold_start_ratio", appMs / bareMs, RATIO_TARGET, "the two medians: app / bare window");
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
            try (var left = Files.list(settingsDir)) {
                for (Path file : left.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(settingsDir);
        }
    }

    /** Milliseconds from starting {@code mainClass} in a fresh JVM until it says its first frame is there. */
    private static double start(String mainClass, String x11, Path settings) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The app's heap and collector options (this JVM has them, see the pom), for both windows.
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-Xm") || option.startsWith("-XX:")).forEach(command::add);
        command.add("-Dprism.order=sw");
        if (x11 == null) {
            command.add("-Dglass.platform=Monocle");
            command.add("-Dmonocle.platform=Headless");
        }
        command.add("-Dsocketdeck.settings=" + settings.toAbsolutePath());
        command.add("-Dsocketdeck.exitOnFirstFrame=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (x11 != null) {
            builder.environment().put("DISPLAY", x11);
        }
        Path errors = Files.createTempFile(settings.getParent(), "stderr", ".txt");
        builder.redirectError(errors.toFile());
        long start = System.nanoTime();
        Process child = builder.start();
        // A child that hangs without a first frame is ended, which ends the read below.
        CompletableFuture.delayedExecutor(TIMEOUT_SECONDS, TimeUnit.SECONDS).execute(child::destroyForcibly);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(FIRST_FRAME)) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        child.destroyForcibly();
                    }
                    return millis;
                }
            }
            throw new IllegalStateException(mainClass + " ended without a first frame; its errors:\n"
                    + Files.readString(errors));
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static double median(List<Double> values) {
        return TcpIngestBench.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
