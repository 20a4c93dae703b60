package io.socketdeck.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.zip.CRC32;

/**
 * Like {@link FloodPeer}, but sends exactly the number of bytes given as its argument to the first
 * client, as fast as the client reads, then closes; prints {@code SENT <bytes> <crc32>} when done,
 * so the parent can compare a capture with what was really sent. Runs in its own JVM.
 */
public final class ExactFloodPeer {

    private ExactFloodPeer() {
    }

    public static void main(String[] args) throws IOException {
        long total = Long.parseLong(args[0]);
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        System.out.println("PORT " + ((InetSocketAddress) server.getLocalAddress()).getPort());
        System.out.flush();
        ByteBuffer payload = FloodPeer.telemetry(FloodPeer.CHUNK);
        CRC32 crc = new CRC32();
        long sent = 0;
        try (SocketChannel client = server.accept()) {
            while (sent < total) {
                payload.clear();
                payload.limit((int) Math.min(payload.capacity(), total - sent));
                crc.update(payload.duplicate());
                while (payload.hasRemaining()) {
                    sent += client.write(payload);
                }
            }
        }
        System.out.println("SENT " + sent + " " + Long.toHexString(crc.getValue()));
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // wait until the parent is done with us
            }
        } catch (IOException ignored) {
            // parent gone
        }
    }
}
