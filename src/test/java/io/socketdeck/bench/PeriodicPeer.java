package io.socketdeck.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The receiving end of a periodic send, in its own JVM (see {@link PeerProcess}), timing each
 * message by its own clock as it arrives, while it floods the sender with text at a paced rate.
 *
 * <p>Usage: {@code PeriodicPeer PERIOD_NANOS MESSAGE_BYTES MEASURE_MILLIS FLOOD_BYTES_PER_SECOND}.
 * Prints {@code PORT <n>}, accepts one client, then counts fixed-size messages: message k is
 * complete with the read that brings its last byte. From the first message on, for
 * MEASURE_MILLIS, it records each arrival; message k is due at {@code first + k * PERIOD} plus
 * the smallest delivery delay seen, so its lateness is
 * {@code arrival(k) - k * PERIOD - min over j of (arrival(j) - j * PERIOD)}. Then prints
 * {@code RESULT <messages> <p50 ns> <p99 ns> <max ns>} and reads on until the client leaves.
 * Exits when stdin closes.
 */
public final class PeriodicPeer {

    private PeriodicPeer() {
    }

    public static void main(String[] args) throws IOException {
        long period = Long.parseLong(args[0]);
        int size = Integer.parseInt(args[1]);
        long measureNanos = Long.parseLong(args[2]) * 1_000_000L;
        long floodRate = Long.parseLong(args[3]);
        ServerSocketChannel server = PeerProcess.listenForParent();

        try (SocketChannel client = server.accept()) {
            Daemons.start("flood", () -> flood(client, floodRate));
            long[] arrivals = new long[(int) (measureNanos / period) * 2 + 1024];
            int count = 0;
            long bytes = 0;
            long first = 0;
            boolean reported = false;
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            while (true) {
                buffer.clear();
                int n = client.read(buffer);
                long now = System.nanoTime();
                if (n < 0) {
                    break;
                }
                bytes += n;
                while (!reported && bytes >= (long) (count + 1) * size) {
                    if (count == 0) {
                        first = now;
                    }
                    if (now - first >= measureNanos || count == arrivals.length) {
                        report(arrivals, count, period);
                        reported = true;
                        break;
                    }
                    arrivals[count++] = now;
                }
            }
        }
    }

    private static void report(long[] arrivals, int count, long period) {
        long base = Long.MAX_VALUE;
        for (int k = 0; k < count; k++) {
            base = Math.min(base, arrivals[k] - k * period);
        }
        long[] lateness = new long[count];
        for (int k = 0; k < count; k++) {
            lateness[k] = arrivals[k] - k * period - base;
        }
        Arrays.sort(lateness);
        long p50 = lateness[count / 2];
        long p99 = lateness[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)];
        System.out.println("RESULT " + count + " " + p50 + " " + p99 + " " + lateness[count - 1]);
        System.out.flush();
    }

    /** Text to the client at {@code rate} bytes a second, topped up about once a millisecond. */
    private static void flood(SocketChannel client, long rate) {
        if (rate <= 0) {
            return;
        }
        ByteBuffer payload = FloodPeer.telemetry(FloodPeer.CHUNK);
        long start = System.nanoTime();
        long sent = 0;
        try {
            while (true) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
                while (sent < due) {
                    int offset = (int) (sent % payload.capacity());
                    payload.limit((int) Math.min(payload.capacity(), offset + due - sent)).position(offset);
                    sent += client.write(payload);
                }
                LockSupport.parkNanos(1_000_000);
            }
        } catch (IOException closed) {
            // the client left
        }
    }
}
