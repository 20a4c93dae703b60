package io.socketdeck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's threads over an interval, summed per kind (FX thread, I/O workers, GC is
 * not a Java thread and is left out): where the time went when a pulse came late.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long startNanos = System.nanoTime();
    private final Map<Long, Long> startCpu = new HashMap<>();
    private final long fxThreadId;

    private ThreadCpu(long fxThreadId) {
        this.fxThreadId = fxThreadId;
        for (long id : THREADS.getAllThreadIds()) {
            startCpu.put(id, THREADS.getThreadCpuTime(id));
        }
    }

    /** Starts measuring; the FX thread is looked up, as its name differs between platforms. */
    static ThreadCpu start() throws Exception {
        return new ThreadCpu(Fx.call(() -> Thread.currentThread().getId()));
    }

    /** "fx 23%, io 41%, other 5%" of one core, over the time since {@link #start()}. */
    String report() {
        double wall = System.nanoTime() - startNanos;
        Map<String, Long> byKind = new TreeMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            var info = THREADS.getThreadInfo(id);
            long now = THREADS.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            String name = info.getThreadName();
            String kind = id == fxThreadId ? "fx" : name.startsWith("socketdeck-io") ? "io" : "other";
            byKind.merge(kind, now - startCpu.getOrDefault(id, 0L), Long::sum);
        }
        StringBuilder text = new StringBuilder();
        byKind.forEach((kind, nanos) -> text.append(text.length() == 0 ? "" : ", ")
                .append(String.format("%s %.0f%%", kind, 100 * nanos / wall)));
        return text + " of one core";
    }
}
