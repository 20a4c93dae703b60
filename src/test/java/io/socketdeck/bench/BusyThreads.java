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
 * Who had the cores since the last call: this JVM's busiest threads and the machine's whole CPU
 * time (from /proc/stat), so a long pulse gap can be told apart: the FX thread waiting for a core
 * the load process holds, for this JVM's own threads, or for neither. For verbose bench runs only:
 * it reads every thread's CPU time.
 */
final class BusyThreads {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private Map<Long, Long> lastCpu = new HashMap<>();
    private long[] lastMachine;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long lastProcessCpu = -1;
    private long lastCompileMs = -1;

    /** A line: machine busy ms of all cores, this JVM's top threads' ms, since the last call. */
    String since() {
        long[] ids = THREADS.getAllThreadIds();
        long[] cpu = THREADS.getThreadCpuTime(ids);
        Map<Long, Long> now = new HashMap<>();
        Map<Long, Long> delta = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                now.put(ids[i], cpu[i]);
                delta.put(ids[i], cpu[i] - lastCpu.getOrDefault(ids[i], cpu[i]));
            }
        }
        lastCpu = now;
        String threads = delta.entrySet().stream()
                .filter(e -> e.getValue() > 2_000_000L)
                .sorted(Map.Entry.<Long, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(6)
                .map(e -> {
                    ThreadInfo info = THREADS.getThreadInfo(e.getKey());
                    return (info == null ? "?" : info.getThreadName()) + " " + e.getValue() / 1_000_000L;
                })
                .collect(Collectors.joining(", "));
        long jvm = delta.values().stream().mapToLong(Long::longValue).sum() / 1_000_000L;
        long processCpu = PROCESS.getProcessCpuTime();
        long process = lastProcessCpu < 0 ? 0 : (processCpu - lastProcessCpu) / 1_000_000L;
        lastProcessCpu = processCpu;
        long compileMs = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long compiling = lastCompileMs < 0 ? 0 : compileMs - lastCompileMs;
        lastCompileMs = compileMs;
        return "machine busy " + machineBusy() + " (all cores), this JVM " + process + " ms (JIT " + compiling
                + " ms), its Java threads " + jvm + " ms: " + threads;
    }

    /**
     * Busy milliseconds of all cores since the last call, from /proc/stat's first line (USER_HZ =
     * 100), with the kernel's part and its softirq part (network processing, which no scheduler
     * shares fairly: it runs before any thread) apart.
     */
    private String machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] now = new long[9];
            for (int i = 1; i < f.length && i <= 8; i++) {
                now[i] = Long.parseLong(f[i]);
            }
            long[] before = lastMachine;
            lastMachine = now;
            if (before == null) {
                return "?";
            }
            long user = now[1] + now[2] - before[1] - before[2];
            long system = now[3] - before[3];
            long softirq = now[6] + now[7] - before[6] - before[7];
            return String.format("%d ms (user %d, kernel %d, interrupts %d)", (user + system + softirq) * 10, user * 10,
                    system * 10, softirq * 10);
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
