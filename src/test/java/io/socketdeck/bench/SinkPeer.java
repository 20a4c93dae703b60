package io.socketdeck.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A receiver in its own JVM (see {@link PeerProcess}); every client gets its own reading thread.
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
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        System.out.println("PORT " + server.getLocalPort());
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
        while (true) {
            Socket client = server.accept();
            Thread reader = new Thread(() -> serve(client, discard), "sink");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private static void serve(Socket client, boolean discard) {
        byte[] buffer = new byte[256 * 1024];
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            if (discard) {
                while (in.read(buffer) >= 0) {
                    // drop
                }
                return;
            }
            DataInputStream data = new DataInputStream(in);
            while (true) {
                long remaining = data.readLong();
                while (remaining > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (n < 0) {
                        return;
                    }
                    remaining -= n;
                }
                out.write(ACK);
                out.flush();
            }
        } catch (IOException endOfClient) {
            // the client hung up
        }
    }
}
