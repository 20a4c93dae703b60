package io.socketdeck.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who had the cores between two moments: this JVM's busiest threads and the machine's whole CPU
 * time (from /proc/stat), so a long pulse gap can be told apart: the FX thread waiting for a core
 * the load process holds, for this JVM's own threads, or for neither. For verbose bench runs only:
 * each moment reads every thread's CPU time.
 */
final class BusyThreads {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** What the counters said at one moment; {@code machineTicks} null when /proc/stat could not be read. */
    private record Snapshot(Map<Long, Long> threadCpu, long[] machineTicks, long processCpu, long compileMs) {
    }

    private Snapshot last;

    /** Marks now as the moment {@link #since} counts from. */
    void mark() {
        last = take();
    }

    /**
     * A line, since the last mark (or call): the machine's busy time on all cores, this JVM's CPU
     * and JIT time, its Java threads' and the busiest of them; then marks now.
     */
    String since() {
        Snapshot now = take();
        Snapshot before = last;
        last = now;
        if (before == null) {
            return "nothing marked before";
        }
        Map<Long, Long> delta = new HashMap<>();
        now.threadCpu.forEach((id, cpu) -> delta.put(id, cpu - before.threadCpu.getOrDefault(id, cpu)));
        String threads = delta.entrySet().stream()
                .filter(e -> e.getValue() > 2_000_000L)
                .sorted(Map.Entry.<Long, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(6)
                .map(e -> {
                    ThreadInfo info = THREADS.getThreadInfo(e.getKey());
                    return (info == null ? "?" : info.getThreadName()) + " " + e.getValue() / 1_000_000L;
                })
                .collect(Collectors.joining(", "));
        long javaThreads = delta.values().stream().mapToLong(Long::longValue).sum() / 1_000_000L;
        return "machine busy " + machineBusy(before.machineTicks, now.machineTicks) + " (all cores), this JVM "
                + (now.processCpu - before.processCpu) / 1_000_000L + " ms (JIT " + (now.compileMs - before.compileMs)
                + " ms), its Java threads " + javaThreads + " ms: " + threads;
    }

    private static Snapshot take() {
        long[] ids = THREADS.getAllThreadIds();
        long[] cpu = THREADS.getThreadCpuTime(ids);
        Map<Long, Long> threadCpu = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                threadCpu.put(ids[i], cpu[i]);
            }
        }
        return new Snapshot(threadCpu, machineTicks(), PROCESS.getProcessCpuTime(),
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
    }

    /** /proc/stat's first line: user, nice, system, idle, iowait, irq, softirq, steal (at 1..8), in USER_HZ = 100. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] ticks = new long[9];
            for (int i = 1; i < f.length && i <= 8; i++) {
                ticks[i] = Long.parseLong(f[i]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Busy milliseconds of all cores between two readings, with the kernel's part and its interrupt
     * part (network processing, which no scheduler shares fairly: it runs before any thread) apart.
     */
    private static String machineBusy(long[] before, long[] now) {
        if (before == null || now == null) {
            return "?";
        }
        long user = now[1] + now[2] - before[1] - before[2];
        long system = now[3] - before[3];
        long interrupts = now[6] + now[7] - before[6] - before[7];
        return String.format("%d ms (user %d, kernel %d, interrupts %d)", (user + system + interrupts) * 10,
                user * 10, system * 10, interrupts * 10);
    }
}
