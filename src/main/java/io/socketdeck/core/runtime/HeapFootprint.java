package io.socketdeck.core.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the heap the collector has grown while traffic flows, and lets it go back to the OS once
 * traffic has stopped.
 *
 * <p>The app starts small and gives memory back ({@code -Xms16m -XX:MaxHeapFreeRatio=30}), so a
 * window at rest costs little. Under a flood that rule works against it: G1 grew the heap to 1 GB,
 * each marking cycle's remark cut it back to 60–75 MB (a few seconds apart), and the pages the
 * next growth touched were fresh ones, every time. Measured (bench group {@code relay}, this
 * project's 2-core VM): the relay's thread spent 18 % of its time in those page faults and 24 % in
 * clearing the arrays they came with; 0.54–0.63 of socat's rate as configured, 0.88 with the heap
 * kept ({@code MaxHeapFreeRatio=100}).
 *
 * <p>{@code MaxHeapFreeRatio} is a manageable flag, so this sets it while collections come often
 * (traffic flowing: {@value #BUSY_COLLECTIONS_PER_TICK} or more in a second) to 100, keeping
 * whatever the heap has grown to, and back to its configured value after
 * {@value #QUIET_SECONDS} s with fewer; G1's periodic collection (a minute without one, the
 * app's {@code G1PeriodicGCInterval}) then returns the memory as before. A JVM whose flag cannot be
 * written, or that never shrinks anyway, is left as it is. Of the app's two collectors only G1
 * reads the flag: ZGC (the app's on JDK 24 and later, see the pom) gives back what it has not used
 * for a while on its own clock, so under it this watches nothing.
 */
public final class HeapFootprint {

    static final String FLAG = "MaxHeapFreeRatio";
    /** The flag's value that never shrinks the heap. */
    static final String KEEP = "100";
    static final int BUSY_COLLECTIONS_PER_TICK = 2;
    static final long QUIET_SECONDS = 30;
    static final long FIRST_LOOK_MILLIS = 5_000;
    private static final long TICK_MILLIS = 1_000;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private HeapFootprint() {
    }

    /** What to do with the flag after one tick. */
    enum Change {
        NONE, KEEP_HEAP, RELEASE_HEAP
    }

    /** The decision, from the collection count tick by tick: no clock or JVM of its own, for tests. */
    static final class Policy {

        private long lastCount = -1;
        private long lastBusyNanos;
        private boolean keeping;

        Change tick(long nowNanos, long collections) {
            long previous = lastCount;
            lastCount = collections;
            if (previous < 0) {
                return Change.NONE;
            }
            if (collections - previous >= BUSY_COLLECTIONS_PER_TICK) {
                lastBusyNanos = nowNanos;
                if (!keeping) {
                    keeping = true;
                    return Change.KEEP_HEAP;
                }
            } else if (keeping && nowNanos - lastBusyNanos >= TimeUnit.SECONDS.toNanos(QUIET_SECONDS)) {
                keeping = false;
                return Change.RELEASE_HEAP;
            }
            return Change.NONE;
        }
    }

    /**
     * Starts watching, once per JVM, on a daemon thread that first waits {@value #FIRST_LOOK_MILLIS}
     * ms and then looks once a second. Any thread; returns at once.
     */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread watcher = new Thread(HeapFootprint::watch, "socketdeck-heap-footprint");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * The management classes this needs took 80 to 100 ms to load and set up: on the start path
     * they made a command's start to its first byte out 400 to 440 ms instead of 325 to 340. A
     * window's or a command's first seconds do not pay for them now; a flood in those seconds is
     * not kept, as before.
     */
    private static void watch() {
        try {
            Thread.sleep(FIRST_LOOK_MILLIS);
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            VMOption option = hotspot.getVMOption(FLAG);
            if (!option.isWriteable() || KEEP.equals(option.getValue())) {
                return;
            }
            String configured = option.getValue();
            List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
            if (collectors.stream().noneMatch(collector -> collector.getName().startsWith("G1 "))) {
                return; // another collector (ZGC on a newer JDK) sizes its heap without the flag
            }
            Policy policy = new Policy();
            while (true) {
                Change change = policy.tick(System.nanoTime(), collections(collectors));
                if (change != Change.NONE) {
                    set(hotspot, change == Change.KEEP_HEAP ? KEEP : configured);
                }
                Thread.sleep(TICK_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            logger().debug("the heap is sized as configured: its flag cannot be read or set here", e);
        }
    }

    private static long collections(List<GarbageCollectorMXBean> collectors) {
        long count = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }

    private static void set(HotSpotDiagnosticMXBean hotspot, String value) {
        try {
            hotspot.setVMOption(FLAG, value);
            logger().debug("{} set to {}", FLAG, value);
        } catch (RuntimeException e) {
            logger().debug("could not set {} to {}; the heap is sized as configured", FLAG, value, e);
        }
    }

    /** Asked for on the watcher's thread only: a command that logs nothing never sets logging up for this. */
    private static Logger logger() {
        return LoggerFactory.getLogger(HeapFootprint.class);
    }
}
