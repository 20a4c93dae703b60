package io.socketdeck.bench;

import io.socketdeck.Launcher;
import io.socketdeck.ui.app.StartProbe;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * From process start to the first frame of the real window, in a fresh JVM each time (median of
 * 5), against a bare JavaFX window ({@link BareWindow}) started the same way, alternating, in the
 * same run. Both print {@value #FIRST_FRAME} at their first frame's layout when started with
 * {@code -Dsocketdeck.startProbe=true}; the clock is this process's, from just before it starts
 * the child until it reads that line. The app's first frame has its menu, tab headers and status
 * bar, and the view of the tab in front comes with a later frame, when it prints
 * {@value #FIRST_VIEW} and exits: {@code cold_start_view_ms}, the window whole.
 *
 * <p>"The same way" is the way a user starts the built app, {@code bin/socketdeck}: a jar with
 * its libraries beside it and the class-data-sharing archive {@code mvn package} makes
 * ({@link PackagedApp}); the bare window gets a jar and an archive of its own, made the same way
 * ({@link BareWindowJar}). A third series starts the app without its archive, as a stale one or
 * {@code java -jar} alone would: what the archive buys. Without a packaged jar (a bench started
 * another way) all run from this classpath.
 *
 * <p>The display: a real X server when {@code Xvfb} is installed (GTK, as on a desktop; this
 * bench starts its own on a free display and stops it), otherwise Monocle headless. Choose with
 * {@code -Dbench.coldstart.display=xvfb|monocle}. All use the software renderer, as under Xvfb
 * JavaFX refuses the hardware one anyway, and GTK without OpenGL, as bin/socketdeck and the
 * window choose on a machine without a GPU. The app starts with settings in a fresh temporary
 * file, as on a first start, never the user's.
 */
final class ColdStartBench {

    static final String FIRST_FRAME = StartProbe.FIRST_FRAME;
    static final String FIRST_VIEW = StartProbe.FIRST_VIEW;
    private static final int RUNS = Bench.rounds(5);
    private static final double RATIO_TARGET = 1.3;
    private static final long TIMEOUT_SECONDS = 120;

    /** Set once by {@link #run}: this bench runs once in its JVM. */
    private static boolean xvfb;
    private static Path errorsDir;

    private ColdStartBench() {
    }

    static void run() throws Exception {
        String display = System.getProperty("bench.coldstart.display", "auto");
        xvfb = display.equals("xvfb") || display.equals("auto") && onPath("Xvfb");
        Path settingsDir = Files.createTempDirectory(Path.of("target"), "bench-coldstart");
        errorsDir = settingsDir;
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
            Figures.note("cold start on " + (xvfb ? "Xvfb " + x11 + " (GTK)" : "Monocle headless")
                    + ", software rendering; the app as " + PackagedApp.describe(false));
            Path libs = Path.of("target", "libs").toAbsolutePath();
            BareWindowJar bareJar = PackagedApp.jar() != null && Files.isDirectory(libs)
                    ? BareWindowJar.write(settingsDir, libs) : null;
            if (bareJar != null) {
                Path classList = settingsDir.resolve("bare-window.classlist");
                start(bareCommand(bareJar, List.of("-XX:DumpLoadedClassList=" + classList)), x11, false);
                bareJar.dumpArchive(classList);
            }
            List<Double> app = new ArrayList<>();
            List<Double> appView = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            List<Double> appWithoutArchive = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Startup started = start(appCommand(settingsDir.resolve("settings-" + run + ".json"), true), x11, true);
                app.add(started.firstFrameMs);
                appView.add(started.firstViewMs);
                bare.add(start(bareJar != null
                        ? bareCommand(bareJar, List.of("-XX:SharedArchiveFile=" + bareJar.archive))
                        : classpathCommand(BareWindow.Main.class.getName(), List.of()), x11, false).firstFrameMs);
                appWithoutArchive.add(start(appCommand(settingsDir.resolve("plain-" + run + ".json"), false), x11, true)
                        .firstFrameMs);
                Figures.note(String.format(Locale.ROOT, "run %d: app %.0f ms (its view %.0f ms), bare window %.0f ms, "
                        + "app without its archive %.0f ms", run + 1, app.get(run), appView.get(run), bare.get(run),
                        appWithoutArchive.get(run)));
            }
            double appMs = median(app);
            double bareMs = median(bare);
            String how = " (" + (xvfb ? "Xvfb" : "Monocle headless") + ", median of " + RUNS + ", alternating)";
            Figures.print("cold_start_ms", appMs, "process start to the real window's first frame, fresh JVM, started as "
                    + "bin/socketdeck starts it (the jar and its class-data-sharing archive)" + how);
            Figures.print("cold_start_view_ms", median(appView), "the same to the first frame with the view of the tab "
                    + "in front (the window whole; the first frame has the menu, tab headers and status bar)" + how);
            Figures.print("cold_start_bare_ms", bareMs, "the same for a bare JavaFX window, one Label in a Stage, "
                    + "started the same way (a jar and an archive of its own)" + how);
            Figures.atMost("cold_start_ratio", appMs / bareMs, RATIO_TARGET, "the two medians: app / bare window");
            Figures.print("cold_start_without_archive_ms", median(appWithoutArchive),
                    "the app started without its archive (java -jar alone, or a stale archive)" + how);
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

    private static List<String> probe(Path settings) {
        List<String> options = new ArrayList<>(List.of("-Dprism.order=sw", "-D" + StartProbe.PROPERTY + "=true"));
        if (settings != null) {
            options.add("-Dsocketdeck.settings=" + settings.toAbsolutePath());
        }
        if (!xvfb) {
            options.add("-Dglass.platform=Monocle");
            options.add("-Dmonocle.platform=Headless");
        }
        return options;
    }

    private static List<String> appCommand(Path settings, boolean withArchive) {
        if (PackagedApp.jar() == null) {
            return command(probe(settings), List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        }
        return PackagedApp.command(probe(settings), List.of(), withArchive);
    }

    private static List<String> bareCommand(BareWindowJar bare, List<String> extra) {
        List<String> options = new ArrayList<>(probe(null));
        options.addAll(extra);
        return command(options, List.of("-jar", bare.jar.toString()));
    }

    private static List<String> classpathCommand(String mainClass, List<String> extra) {
        List<String> options = new ArrayList<>(probe(null));
        options.addAll(extra);
        return command(options, List.of("-cp", System.getProperty("java.class.path"), mainClass));
    }

    /**
     * Monocle is a test library: neither the app's jar nor the bare window's names it. Without
     * Xvfb, a {@code -jar JAR} start becomes {@code -cp JAR:MONOCLE MAIN}: the jar's manifest still
     * names its libraries, and an archive made for the jar alone still maps (a class path may
     * grow at its end).
     */
    private static List<String> withMonocle(List<String> command) throws IOException {
        int jarAt = command.indexOf("-jar");
        if (jarAt < 0) {
            return command; // this classpath, which has Monocle
        }
        String jar = command.get(jarAt + 1);
        String mainClass;
        try (JarFile file = new JarFile(jar)) {
            mainClass = file.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        }
        String monocle;
        try {
            monocle = Path.of(Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory")
                    .getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("no Xvfb and no Monocle on this classpath to start a window on", e);
        }
        List<String> rewritten = new ArrayList<>(command.subList(0, jarAt));
        rewritten.addAll(List.of("-cp", jar + File.pathSeparator + monocle, mainClass));
        rewritten.addAll(command.subList(jarAt + 2, command.size()));
        return rewritten;
    }

    /** {@code java}, the app's JVM options, {@code options}, then what to start ({@code -jar ...} or {@code -cp ... Main}). */
    private static List<String> command(List<String> options, List<String> start) {
        List<String> command = new ArrayList<>();
        command.add(PackagedApp.java());
        command.addAll(PackagedApp.jvmOptions());
        command.addAll(options);
        command.addAll(start);
        return command;
    }

    /** Milliseconds from a child's start until it said its first frame is there, and its first view (NaN: not asked). */
    private record Startup(double firstFrameMs, double firstViewMs) {
    }

    /**
     * Starts {@code command} and times its first frame, and its first view too when
     * {@code hasView} (the app), reading the probe's lines until the last one asked for.
     */
    private static Startup start(List<String> jarOrClasspath, String x11, boolean hasView) throws Exception {
        List<String> command = x11 == null ? withMonocle(jarOrClasspath) : jarOrClasspath;
        String mainClass = String.join(" ", command.subList(Math.max(0, command.size() - 2), command.size()));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (x11 != null) {
            builder.environment().put("DISPLAY", x11);
        }
        // As bin/socketdeck and the window set it on a machine without a GPU; on one with a GPU both
        // windows get it alike.
        builder.environment().putIfAbsent("GDK_GL", "disable");
        Path errors = Files.createTempFile(errorsDir, "stderr", ".txt");
        builder.redirectError(errors.toFile());
        long start = System.nanoTime();
        Process child = builder.start();
        // A child that hangs without a first frame is ended, which ends the read below.
        CompletableFuture.delayedExecutor(TIMEOUT_SECONDS, TimeUnit.SECONDS).execute(child::destroyForcibly);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            double frame = Double.NaN;
            String line;
            while ((line = out.readLine()) != null) {
                double millis = (System.nanoTime() - start) / 1e6;
                if (line.equals(FIRST_FRAME) && Double.isNaN(frame)) {
                    frame = millis;
                }
                boolean last = hasView ? line.equals(FIRST_VIEW) && !Double.isNaN(frame) : !Double.isNaN(frame);
                if (last) {
                    if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        child.destroyForcibly();
                    }
                    return new Startup(frame, hasView ? millis : Double.NaN);
                }
            }
            throw new IllegalStateException(mainClass + " ended without " + (Double.isNaN(frame) ? "a first frame" : "its first view")
                    + "; its errors:\n" + Files.readString(errors));
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
