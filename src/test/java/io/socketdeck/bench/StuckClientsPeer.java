package io.socketdeck.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Devices that connect and then never read: opens N loopback clients to a server and keeps them
 * open, reading nothing, until stdin closes. Runs in its own JVM (see {@link PeerProcess}).
 *
 * <p>Usage: {@code StuckClientsPeer PORT COUNT}. Prints {@code READY}, then
 * {@code CONNECTED <n> <failed>} once every connect has finished.
 */
public final class StuckClientsPeer {

    private StuckClientsPeer() {
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        int count = Integer.parseInt(args[1]);
        System.out.println("READY");
        System.out.flush();
        List<SocketChannel> clients = new ArrayList<>(count);
        int failed = 0;
        for (int i = 0; i < count; i++) {
            try {
                clients.add(SocketChannel.open(server)); // blocking connect; nothing is ever read
            } catch (IOException e) {
                failed++;
            }
        }
        System.out.println("CONNECTED " + clients.size() + " " + failed);
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent holds stdin open while it wants us
        }
        System.exit(0);
    }
}
