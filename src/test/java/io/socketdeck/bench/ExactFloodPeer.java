package io.socketdeck.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Like {@link FloodPeer}, but sends exactly the number of bytes given as its argument to each
 * client in turn, as fast as the client reads, then closes it and prints
 * {@code SENT <bytes> <sha-256>}, so the parent can compare a capture with what was really sent.
 * The bytes are {@link FloodPeer#telemetry} repeated; their SHA-256 is computed before the first
 * client is served, over exactly the bytes then written, so hashing never slows the flood. Runs
 * in its own JVM; exits when stdin closes.
 */
public final class ExactFloodPeer {

    private ExactFloodPeer() {
    }

    public static void main(String[] args) throws IOException {
        long total = Long.parseLong(args[0]);
        ByteBuffer payload = FloodPeer.telemetry(FloodPeer.CHUNK);
        String sha256 = sha256(payload, total);
        ServerSocketChannel server = PeerProcess.listenForParent();
        while (true) {
            long sent = 0;
            try (SocketChannel client = server.accept()) {
                while (sent < total) {
                    payload.clear().limit((int) Math.min(payload.capacity(), total - sent));
                    while (payload.hasRemaining()) {
                        sent += client.write(payload);
                    }
                }
            }
            System.out.println("SENT " + sent + " " + sha256);
            System.out.flush();
        }
    }

    /** The SHA-256 of the first {@code total} bytes of {@code payload} repeated, as written above. */
    private static String sha256(ByteBuffer payload, long total) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (long hashed = 0; hashed < total; ) {
                ByteBuffer chunk = payload.duplicate().clear().limit((int) Math.min(payload.capacity(), total - hashed));
                hashed += chunk.remaining();
                digest.update(chunk);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
