package io.socketdeck.core.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.SessionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 100 MB each way at once through a relay without faults, byte-exact, then FIN both ways. */
class RelayTransferTest {

    private static final long SIZE = 100L * 1024 * 1024;

    private final RelayHarness harness = new RelayHarness(false);
    /** A thread for each of the four ends: the common pool may have one thread on a small machine. */
    private final ExecutorService ends = Executors.newFixedThreadPool(4);

    @AfterEach
    void close() throws Exception {
        ends.shutdownNow();
        harness.close();
    }

    @Test
    void hundredMegabytesEachWayArriveByteExact() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            CompletableFuture<byte[]> clientSends = send(client, 1);
            CompletableFuture<byte[]> targetSends = send(target, 2);
            CompletableFuture<byte[]> targetReceives = receive(target);
            CompletableFuture<byte[]> clientReceives = receive(client);
            long seconds = 300;
            assertArrayEquals(clientSends.get(seconds, TimeUnit.SECONDS), targetReceives.get(seconds, TimeUnit.SECONDS),
                    "client to target");
            assertArrayEquals(targetSends.get(seconds, TimeUnit.SECONDS), clientReceives.get(seconds, TimeUnit.SECONDS),
                    "target to client");
            assertEquals(SIZE, relay.upBytes());
            assertEquals(SIZE, relay.downBytes());
            assertEquals(2 * SIZE, harness.relayedBytes.get(), "every byte reported once");
            assertEquals(CloseReason.PEER, harness.events.await(SessionEvent.Disconnected.class).reason());
            assertEquals(2 * SIZE, harness.counters.rxBytes());
            assertEquals(2 * SIZE, harness.counters.txBytes());
        }
    }

    /** Sends SIZE pseudo-random bytes, then a FIN; completes with their digest. */
    private CompletableFuture<byte[]> send(Socket socket, long seed) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                SplittableRandom random = new SplittableRandom(seed);
                byte[] chunk = new byte[64 * 1024];
                OutputStream out = socket.getOutputStream();
                for (long sent = 0; sent < SIZE; sent += chunk.length) {
                    for (int i = 0; i < chunk.length; i += 8) {
                        long value = random.nextLong();
                        for (int b = 0; b < 8; b++) {
                            chunk[i + b] = (byte) (value >>> (8 * b));
                        }
                    }
                    out.write(chunk);
                    digest.update(chunk);
                }
                socket.shutdownOutput();
                return digest.digest();
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }, ends);
    }

    /** Reads to the end of stream; completes with the digest of what came, which must be SIZE bytes. */
    private CompletableFuture<byte[]> receive(Socket socket) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    digest.update(buffer, 0, n);
                    total += n;
                }
                if (total != SIZE) {
                    throw new IllegalStateException(total + " bytes, not " + SIZE);
                }
                return digest.digest();
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }, ends);
    }
}
