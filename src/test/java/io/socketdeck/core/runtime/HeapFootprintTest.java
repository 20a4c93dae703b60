package io.socketdeck.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.socketdeck.core.runtime.HeapFootprint.Change;
import io.socketdeck.core.runtime.HeapFootprint.Policy;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeapFootprintTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void busyCollectionsKeepTheHeapOnceAndQuietReleasesItAfterThirtySeconds() {
        Policy policy = new Policy();
        assertEquals(Change.NONE, policy.tick(0, 100), "the first tick only counts");
        assertEquals(Change.KEEP_HEAP, policy.tick(SECOND, 102));
        assertEquals(Change.NONE, policy.tick(2 * SECOND, 140), "already keeping: the flag is not set again");
        long lastBusy = 2 * SECOND;
        long count = 140;
        for (long now = lastBusy + SECOND; now < lastBusy + 30 * SECOND; now += SECOND) {
            count += 1; // a collection a second is not traffic, and does not end the quiet either
            assertEquals(Change.NONE, policy.tick(now, count), "still within the quiet time at " + now / SECOND + " s");
        }
        assertEquals(Change.RELEASE_HEAP, policy.tick(lastBusy + 30 * SECOND, count));
        assertEquals(Change.NONE, policy.tick(lastBusy + 31 * SECOND, count), "released once");
    }

    @Test
    void trafficBeforeTheQuietEndsStartsTheQuietAgain() {
        Policy policy = new Policy();
        policy.tick(0, 0);
        assertEquals(Change.KEEP_HEAP, policy.tick(SECOND, 5));
        assertEquals(Change.NONE, policy.tick(29 * SECOND, 5));
        assertEquals(Change.NONE, policy.tick(30 * SECOND, 7), "busy again one second before the release");
        assertEquals(Change.NONE, policy.tick(59 * SECOND, 7));
        assertEquals(Change.RELEASE_HEAP, policy.tick(60 * SECOND, 7));
    }

    @Test
    void aWindowAtRestNeverKeepsTheHeap() {
        Policy policy = new Policy();
        policy.tick(0, 0);
        for (int second = 1; second <= 120; second++) {
            assertEquals(Change.NONE, policy.tick(second * SECOND, second / 10), "at " + second + " s");
        }
    }

    /** The premise: this JDK lets a running JVM change the flag, and G1 reads it at each resize. */
    @Test
    void theFlagIsWritableInARunningJvm() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String before = hotspot.getVMOption(HeapFootprint.FLAG).getValue();
        assertTrue(hotspot.getVMOption(HeapFootprint.FLAG).isWriteable(),
                HeapFootprint.FLAG + " is not manageable here");
        try {
            hotspot.setVMOption(HeapFootprint.FLAG, HeapFootprint.KEEP);
            assertEquals(HeapFootprint.KEEP, hotspot.getVMOption(HeapFootprint.FLAG).getValue());
        } finally {
            hotspot.setVMOption(HeapFootprint.FLAG, before);
        }
    }
}
