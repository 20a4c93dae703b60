package io.socketdeck.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A receiver in its own JVM (see {@link PeerProcess}); every client gets its own reading thread,
 * which reads with a blocking channel into one direct buffer: no copy into the Java heap, so the
 * sink is as cheap as a Java reader gets and a fast sender is not capped by it.
 *
 * <p>Protocol, so a sender can time delivery rather than hand-over to its socket buffer: a client
 * may send an 8-byte big-endian length {@code L} followed by {@code L} bytes, and is answered with
 * one byte {@code 0x06} once all {@code L} arrived; it may repeat. With the argument
 * {@code discard} the sink just reads and drops everything.
 */
public final class SinkPeer {

    static final int ACK = 0x06;

    private SinkPeer() {
    }

    public static void main(String[] args) throws IOException {
        boolean discard = args.length > 0 && args[0].equals("discard");
        ServerSocketChannel server = PeerProcess.listenForParent();
        while (true) {
            SocketChannel client = server.accept();
            Daemons.start("sink", () -> serve(client, discard));
        }
    }

    private static void serve(SocketChannel client, boolean discard) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        ByteBuffer length = ByteBuffer.allocate(Long.BYTES);
        ByteBuffer ack = ByteBuffer.allocate(1);
        try (client) {
            if (discard) {
                while (client.read(buffer.clear()) >= 0) {
                    // drop
                }
                return;
            }
            while (true) {
                length.clear();
                while (length.hasRemaining()) {
                    if (client.read(length) < 0) {
                        return;
                    }
                }
                long remaining = length.flip().getLong();
                while (remaining > 0) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
                    int n = client.read(buffer);
                    if (n < 0) {
                        return;
                    }
                    remaining -= n;
                }
                ack.clear().put((byte) ACK).flip();
                client.write(ack);
            }
        } catch (IOException endOfClient) {
            // the client hung up
        }
    }
}
