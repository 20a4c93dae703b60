package io.socketdeck.core.relay;

import static io.socketdeck.core.relay.RelayTcpTest.readExactly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.RelayFault;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.testsupport.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault measured at the far end, between real loopback sockets. */
class RelayFaultTest {

    private final RelayHarness harness = new RelayHarness(false);

    /** The writing end of a test: the common pool may have one thread on a small machine. */
    private final ExecutorService writers = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() throws Exception {
        writers.shutdownNow();
        harness.close();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void latencyNeverDeliversEarlyAndAddsAboutTheDelayAsked() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        LegFaults latency = LegFaults.NONE.withLatency(50, 0);
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            harness.events.await(SessionEvent.Linked.class);
            OutputStream out = client.getOutputStream();
            InputStream in = target.getInputStream();
            for (int i = 0; i < 5; i++) {
                oneByteMillis(out, in, i); // warm-up: the first reads load and compile code
            }
            // Each sample with the fault beside one without on the same path.
            int samples = 30;
            double[] with = new double[samples];
            double[] without = new double[samples];
            for (int i = 0; i < samples; i++) {
                relay.setFaults(Leg.UP, latency);
                with[i] = oneByteMillis(out, in, i);
                relay.setFaults(Leg.UP, LegFaults.NONE);
                without[i] = oneByteMillis(out, in, i);
            }
            // A busy machine only ever makes a delivery late, never early: a byte is due 50 ms after
            // the relay read it, which is after it was written here, and it is read here after it
            // was delivered. So every sample is at least 50 ms, however loaded the machine (the
            // 0.5 ms only forgives a timer's rounding). A relay that ignored the fault, or took
            // the delay for micro- rather than milliseconds, fails here on every sample.
            Arrays.sort(with);
            assertTrue(with[0] >= 50 - 0.5, "a byte delivered " + with[0] + " ms after it was written, under the "
                    + "50 ms configured, by sample " + Arrays.toString(with));
            // Late, a sample may be by a lot on a busy machine, but not the typical one: the median
            // delay added, over the median of the same path without the fault, stays under 90 ms.
            // A relay that added the delay twice (100 ms), or in a coarser unit, fails here. How
            // close to 50 ms the relay keeps is for the bench (relay_latency_fault_error_ms), not
            // for a test that must pass on a loaded machine.
            Arrays.sort(without);
            double added = median(with) - median(without);
            assertTrue(added < 90, "median delay added " + added + " ms for 50 ms configured, by sample "
                    + Arrays.toString(with) + " and without the fault " + Arrays.toString(without));
        }
    }

    /** The median of sorted {@code values}. */
    private static double median(double[] values) {
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double oneByteMillis(OutputStream out, InputStream in, int value) throws IOException {
        long sent = System.nanoTime();
        out.write(value);
        assertEquals(value, in.read());
        return (System.nanoTime() - sent) / 1e6;
    }

    @Test
    void jitterNeverReorders() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        relay.setFaults(Leg.UP, LegFaults.NONE.withLatency(20, 20));
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            OutputStream out = client.getOutputStream();
            for (int i = 0; i < 100; i++) {
                out.write(i); // one read each, mostly: each gets its own random delay
            }
            byte[] got = readExactly(target.getInputStream(), 100);
            for (int i = 0; i < 100; i++) {
                assertEquals(i, got[i], "in order at " + i);
            }
        }
    }

    @Test
    void bandwidthNeverExceedsTheLimitAndIsNotFarUnderIt() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        long rate = 400_000;
        relay.setFaults(Leg.DOWN, LegFaults.NONE.withBandwidth(rate));
        int total = 1_200_000;
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            // Timed from before the first byte is written, so every byte counted went through the
            // limit within the time measured: a byte the reader here was late for, found waiting
            // in its socket, was still sent by the relay at the rate.
            long start = System.nanoTime();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    target.getOutputStream().write(new byte[total]);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, writers);
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[65536];
            long received = 0;
            while (received < total) {
                int n = in.read(buffer);
                assertTrue(n > 0, "stream ended early");
                received += n;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double measured = received / seconds;
            // The bucket starts empty and fills at the rate, so however the machine schedules the
            // relay it cannot send more than rate x time: a relay that ignored the limit, took it
            // for bits, or let its bucket grow without bound fails here, on an idle or a busy
            // machine alike.
            assertTrue(measured <= rate * 1.1, "measured " + measured + " B/s for a limit of " + rate);
            // Under it, a busy machine can push the relay: the bucket keeps at most 100 ms of
            // tokens, so a loop thread late by more loses that time for good. Half the rate is
            // what a relay that throttled far too hard (a tenth of it, say) never reaches; the
            // bench measures how close it keeps (relay_bandwidth_error).
            assertTrue(measured >= rate * 0.5, "measured " + measured + " B/s for a limit of " + rate);
            writer.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void slicesHaveTheExactSizeAndThePauseBetweenThem() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        relay.setFaults(Leg.UP, LegFaults.NONE.withSlicing(100, 100));
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            long sent = System.nanoTime();
            client.getOutputStream().write(new byte[1000]);
            InputStream in = target.getInputStream();
            List<Integer> reads = new ArrayList<>();
            List<String> early = new ArrayList<>();
            int received = 0;
            byte[] buffer = new byte[4096];
            while (received < 1000) {
                int n = in.read(buffer);
                assertTrue(n > 0, "stream ended early after " + received);
                long millis = (System.nanoTime() - sent) / 1_000_000;
                reads.add(n);
                received += n;
                // Piece k (from 0) goes out no sooner than k pauses after the bytes were written:
                // read at t ms, at most 1 + t / 100 pieces can be here. A reader the machine wakes
                // late finds more pieces at once but never more than that, so this holds however
                // loaded the machine; a relay that sent bigger pieces or shorter pauses breaks it.
                if (received > 100 * (1 + millis / 100)) {
                    early.add(received + " bytes at " + millis + " ms");
                }
            }
            assertEquals(1000, received);
            assertEquals(List.of(), early, "more than one 100-byte piece per 100 ms pause, by read: " + reads);
            // Whole pieces: a read may hold several, when the reader was late, never part of one.
            assertTrue(reads.stream().allMatch(n -> n % 100 == 0), "whole pieces: " + reads);
        }
    }

    @Test
    void resetAfterBytesIsSeenAsAResetAtBothEnds() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        relay.setFaults(Leg.DOWN, LegFaults.NONE.withResetAfter(10));
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            target.getOutputStream().write(new byte[100]);
            InputStream in = client.getInputStream();
            int[] got = {0};
            assertThrows(IOException.class, () -> {
                while (in.read() >= 0) {
                    got[0]++;
                }
            }, "a reset, not an end of stream");
            assertTrue(got[0] <= 10, "at most the 10 bytes before the reset: " + got[0]);
            assertEquals("10", harness.events.await(SessionEvent.FaultInjected.class,
                    f -> f.what() == RelayFault.RESET).detail());
            assertEquals(CloseReason.RESET, harness.events.await(SessionEvent.Disconnected.class).reason());
            assertThrows(IOException.class, () -> {
                while (target.getInputStream().read() >= 0) {
                    target.getOutputStream().write(1);
                }
            }, "the target is reset too");
        }
    }

    @Test
    void closeAfterBytesIsAFinAndTheOtherWayGoesOn() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        relay.setFaults(Leg.DOWN, LegFaults.NONE.withCloseAfter(10));
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            target.getOutputStream().write(new byte[100]);
            InputStream in = client.getInputStream();
            assertEquals(10, in.readNBytes(100).length, "10 bytes, then the end of stream");
            assertEquals("10", harness.events.await(SessionEvent.FaultInjected.class,
                    f -> f.what() == RelayFault.CLOSED).detail());
            client.getOutputStream().write(ascii("still"));
            assertArrayEquals(ascii("still"), readExactly(target.getInputStream(), 5));
        }
    }

    @Test
    void corruptFlipsExactlyOneBit() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        relay.setFaults(Leg.UP, LegFaults.NONE.withCorrupt(1.0));
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            client.getOutputStream().write(new byte[64]);
            byte[] got = readExactly(target.getInputStream(), 64);
            int bits = 0;
            for (byte b : got) {
                bits += Integer.bitCount(b & 0xff);
            }
            assertEquals(1, bits);
            harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.CORRUPTED);
        }
    }

    @Test
    void stallKeepsTheConnectionOpenAndForwardsNothingUntilLifted() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            harness.events.await(SessionEvent.Linked.class);
            relay.setFaults(Leg.UP, LegFaults.NONE.withStall(true));
            harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.STALLED);
            client.getOutputStream().write(ascii("wait"));
            Await.until(() -> relay.heldBytes() == 4, RelayHarness.TIMEOUT, "queued while stalled");
            assertEquals(RelayConnectionState.STALLED, relay.connections().get(0).state());
            target.getOutputStream().write(ascii("down still flows"));
            assertArrayEquals(ascii("down still flows"), readExactly(client.getInputStream(), 16));
            relay.setFaults(Leg.UP, LegFaults.NONE);
            assertArrayEquals(ascii("wait"), readExactly(target.getInputStream(), 4));
        }
    }

    @Test
    void rewriteRulesReplaceAndAreCounted() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        relay.setFaults(Leg.UP, LegFaults.NONE.withRewrites(List.of(
                new RewriteRule(RewriteRule.Kind.TEXT, "foo", "bar", StandardCharsets.UTF_8),
                new RewriteRule(RewriteRule.Kind.REGEX, "id=(\\d+)", "id=<$1>", StandardCharsets.UTF_8),
                new RewriteRule(RewriteRule.Kind.HEX, "01 ?? 03", "ff", StandardCharsets.UTF_8))));
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            byte[] sent = ascii("foo foo id=42 \u0001\u0002\u0003");
            client.getOutputStream().write(sent);
            byte[] expected = ascii("bar bar id=<42> \u00ff".replace('\u00ff', '#'));
            expected[expected.length - 1] = (byte) 0xff;
            assertArrayEquals(expected, readExactly(target.getInputStream(), expected.length));
            assertEquals(List.of(2L, 1L, 1L), relay.rewriteHits(Leg.UP));
            harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.REWRITTEN);
        }
    }

    @Test
    void aTargetThatDoesNotReadHoldsAtMostTheBufferThenTheClientIsPushedBack() throws Exception {
        harness.target();
        int bound = 64 * 1024;
        RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.TCP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                harness.target.getLocalPort()).withBufferBytes(bound));
        int total = 32 * 1024 * 1024;
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            long[] written = {0};
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = client.getOutputStream();
                    byte[] chunk = new byte[8192];
                    for (int i = 0; i < total / chunk.length; i++) {
                        out.write(chunk);
                        written[0] += chunk.length;
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, writers);
            // The relay fills the sockets' buffers; what the target's socket no longer takes waits in
            // the leg (a plain forward keeps one read there, faults up to the bound), then the relay
            // stops reading: the writer blocks.
            Await.until(() -> relay.heldBytes() > 0, RelayHarness.TIMEOUT, "a read waits in the leg");
            long[] last = {-1};
            Await.until(() -> {
                long now = relay.upBytes();
                boolean still = now == last[0]; // unchanged between two polls: reading stopped
                last[0] = now;
                assertTrue(relay.heldBytes() <= bound, "held " + relay.heldBytes() + " of at most " + bound);
                return still;
            }, RelayHarness.TIMEOUT, "reading stopped");
            long before = relay.upBytes();
            assertTrue(relay.heldBytes() <= bound, "held " + relay.heldBytes() + " of at most " + bound);
            assertTrue(!writer.isDone(), "the client is pushed back, " + before + " read so far");
            byte[] all = target.getInputStream().readNBytes(total);
            assertEquals(total, all.length);
            writer.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(total, written[0]);
        }
    }
}
