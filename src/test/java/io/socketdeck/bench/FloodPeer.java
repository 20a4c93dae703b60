package io.socketdeck.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A device gone wild: every client that connects gets telemetry text as fast as the socket takes
 * it, until it disconnects. Runs in its own JVM (see {@link PeerProcess}).
 */
public final class FloodPeer {

    static final int CHUNK = 64 * 1024;

    private FloodPeer() {
    }

    public static void main(String[] args) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        System.out.println("PORT " + ((InetSocketAddress) server.getLocalAddress()).getPort());
        System.out.flush();
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent holds stdin open while it wants us
                }
            } catch (IOException ignored) {
                // parent gone
            }
            System.exit(0);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        ByteBuffer payload = telemetry(CHUNK);
        while (true) {
            SocketChannel client = server.accept();
            Thread writer = new Thread(() -> flood(client, payload.duplicate()), "flood");
            writer.setDaemon(true);
            writer.start();
        }
    }

    private static void flood(SocketChannel client, ByteBuffer payload) {
        try (client) {
            while (true) {
                payload.rewind();
                while (payload.hasRemaining()) {
                    client.write(payload);
                }
            }
        } catch (IOException closedByClient) {
            // the reader hung up: done
        }
    }

    /** Lines like a device's log: ASCII, CRLF-terminated, with changing numbers. */
    static ByteBuffer telemetry(int size) {
        StringBuilder text = new StringBuilder(size + 128);
        for (int seq = 0; text.length() < size; seq++) {
            text.append("seq=").append(100000 + seq).append(" temp=").append(20 + seq % 9).append('.').append(seq % 10)
                    .append(" hum=").append(40 + seq % 13).append(" status=OK\r\n");
        }
        byte[] bytes = text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocateDirect(size);
        buffer.put(bytes).flip();
        return buffer;
    }
}
