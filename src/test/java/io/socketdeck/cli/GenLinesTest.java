package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketdeck.core.stats.RoundTripStats;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenLinesTest {

    private static final GenSettings TCP = new GenSettings(true, new InetSocketAddress("127.0.0.1", 7), 0, 0,
            1_000_000_000L, 4, true, 2_000_000_000L);

    @Test
    void aSummaryIsOneGreppableLine() {
        GenSummary summary = new GenSummary(1000, 64_000, 2.5, 400, 0.0256, 3, -1, null, false);
        String line = new GenLines(false).summary(TCP, summary);
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} summary messages=1000 bytes=64000 seconds=2\\.500 "
                + "rate=400/s mb_s=0\\.026 errors=3"), line);
    }

    @Test
    void roundTripsAreInMicrosecondsAndAnInterruptionIsSaid() {
        GenSummary summary = new GenSummary(10, 40, 1, 10, 0, 0, 9,
                new RoundTripStats.Summary(9, 40_000, 51_400, 120_600, 900_000), true);
        String line = new GenLines(false).summary(TCP, summary);
        assertTrue(line.endsWith(" replies=9 rtt_p50_us=51 rtt_p99_us=121 rtt_max_us=900 interrupted"), line);
    }

    @Test
    void jsonCarriesWhatRanForACollector() throws Exception {
        GenSummary summary = new GenSummary(10, 40, 1, 10, 0.00004, 0, 10,
                new RoundTripStats.Summary(10, 40_000, 50_000, 60_000, 70_000), false);
        Map<String, Object> object = JSON.std.mapFrom(new GenLines(true).summary(TCP, summary));
        assertEquals("summary", object.get("event"));
        assertEquals("tcp", object.get("protocol"));
        assertEquals("127.0.0.1:7", object.get("peer"));
        assertEquals(4, ((Number) object.get("connections")).intValue());
        assertEquals(50, ((Number) object.get("rtt_p50_us")).intValue());
        assertTrue(object.get("time").toString().endsWith("Z"), object.toString());
    }

    @Test
    void progressAndConnected() {
        GenLines lines = new GenLines(false);
        assertTrue(lines.progress(1234, 1233.6, -1).endsWith(" progress sent=1234 rate=1234/s"));
        assertTrue(lines.progress(5, 5, 4).endsWith(" progress sent=5 rate=5/s replies=4"));
        assertTrue(lines.connected(new InetSocketAddress("127.0.0.1", 7), null, 3)
                .endsWith(" connected 127.0.0.1:7 connections=3"));
        assertTrue(lines.connected(new InetSocketAddress("::1", 7), new InetSocketAddress("::1", 4000), 0)
                .endsWith(" connected [::1]:7 local=[::1]:4000"));
    }
}
