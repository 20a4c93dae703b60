package io.socketdeck.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * A TCP peer on {@code 127.0.0.1:0} that sends fixed bytes to the first client as fast as the
 * client reads, then closes (FIN): a flood with a known end and a known content.
 */
public final class SourceServer implements AutoCloseable {

    private final ServerSocket server;
    private final byte[] data;
    private final Thread writer;
    private volatile boolean done;

    public SourceServer(byte[] data) throws IOException {
        this.data = data;
        server = new ServerSocket();
        server.bind(Loopback.anyPort(Loopback.IPV4));
        writer = new Thread(this::sendAll, "source-" + server.getLocalPort());
        writer.setDaemon(true);
        writer.start();
    }

    private void sendAll() {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            for (int offset = 0; offset < data.length; offset += 32 * 1024) {
                out.write(data, offset, Math.min(32 * 1024, data.length - offset));
            }
            out.flush();
            done = true;
        } catch (IOException e) {
            // the client went away
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** True once every byte was handed to the socket and it was closed. */
    public boolean isDone() {
        return done;
    }

    @Override
    public void close() {
        try {
            server.close();
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (IOException | InterruptedException e) {
            // best effort
        }
    }
}
