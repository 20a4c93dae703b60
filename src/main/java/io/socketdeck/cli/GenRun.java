package io.socketdeck.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code socketdeck gen} run: the generator (a {@link UdpFlood}, or sessions), a progress line
 * once a second, the summary at the end, and Ctrl+C: a shutdown hook that stops the generator and
 * makes sure the summary so far is printed before the JVM exits with 130.
 */
final class GenRun {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final GenSettings settings;
    private final GenLines lines;
    private final boolean quiet;
    private final PrintWriter out;
    private final GenTally tally;
    private final AtomicBoolean summarized = new AtomicBoolean();
    /** Counted down once the command's thread has printed the summary (or failed before sending). */
    private final CountDownLatch printed = new CountDownLatch(1);
    private volatile boolean interrupted;
    /** Prints the progress lines; made when the first is due (not at all with --quiet). */
    private volatile ScheduledExecutorService ticker;
    private final Generator generator;

    /**
     * @param quiet no connected and progress lines
     * @param out   the lines
     * @param err   the first error of each kind, in the window's words
     */
    GenRun(GenSettings settings, GenPayloads payloads, GenLines lines, boolean quiet, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.lines = lines;
        this.quiet = quiet;
        this.out = out;
        this.tally = new GenTally(words -> err.println(LocalTime.now().format(CLOCK) + " error " + words));
        this.generator = settings.tcp() || settings.requestResponse()
                ? new SessionGenerator(settings, payloads, payloads.sampleLength(), tally,
                        () -> started(null))
                : new UdpFlood(settings, payloads, tally, this::started);
    }

    int execute() {
        Thread onCtrlC = new Thread(this::interrupted, "socketdeck-gen-interrupted");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        boolean ran = false;
        try {
            generator.run();
            ran = true;
        } finally {
            stopTicker();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C came meanwhile: its hook waits for the summary below
            }
            if (ran) {
                summarize(interrupted);
            }
            printed.countDown();
        }
        return tally.exitCode().code();
    }

    /** The connection is up and sending starts now; {@code local}: the UDP socket's own address. */
    private void started(InetSocketAddress local) {
        if (!quiet) {
            out.println(lines.connected(settings.peer(), local, settings.tcp() ? settings.connections() : 0));
            ticker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "socketdeck-gen-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(new Runnable() {
                private long lastSent;
                private long lastNanos = System.nanoTime();

                @Override
                public void run() {
                    long now = System.nanoTime();
                    long sent = tally.counters().txMessages();
                    double perSecond = (sent - lastSent) / ((now - lastNanos) / 1e9);
                    lastSent = sent;
                    lastNanos = now;
                    out.println(lines.progress(sent, perSecond, settings.requestResponse() ? tally.replies() : -1));
                }
            }, 1, 1, TimeUnit.SECONDS);
        }
    }

    /**
     * Ctrl+C: stops the generator and lets the command's own thread print the summary (marked
     * interrupted); the JVM halts when this hook returns, with status 130, so it waits for that
     * line, and prints it itself if the generator does not let go within a few seconds.
     */
    private void interrupted() {
        interrupted = true;
        generator.stop();
        try {
            if (!printed.await(3, TimeUnit.SECONDS)) {
                stopTicker();
                summarize(true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void summarize(boolean interrupted) {
        if (summarized.compareAndSet(false, true)) {
            out.println(lines.summary(settings, tally.summary(settings.requestResponse(), interrupted)));
            out.flush();
        }
    }

    /** No progress line after this: the summary is the last line. */
    private void stopTicker() {
        ScheduledExecutorService executor = ticker;
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
