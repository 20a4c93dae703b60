package io.socketdeck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A receiver that counts, in its own JVM, so that every sender a bench compares (the CLI, a plain
 * Java loop, packetsender, socat) is measured by the same independent judge rather than by its
 * own report. {@code udp}: one socket; what arrived is what it read plus what the kernel dropped
 * at its full queue ({@code /proc/net/udp}), so a sender faster than this reader is still
 * measured. {@code tcp}: every connection read by its own thread into a direct buffer.
 *
 * <p>Prints {@code PORT <n>}, then obeys lines on stdin: {@code mark} forgets what came so far
 * (answers {@code OK}); {@code report} answers {@code COUNT <messages> <bytes> <dropped> <first> <last>}
 * since the mark, {@code first} and {@code last} the {@link System#nanoTime()} of the first and
 * last arrival read. Exits when stdin closes.
 */
public final class CountingSink {

    private static final AtomicLong MESSAGES = new AtomicLong();
    private static final AtomicLong BYTES = new AtomicLong();
    private static final AtomicLong FIRST = new AtomicLong();
    private static final AtomicLong LAST = new AtomicLong();

    private CountingSink() {
    }

    public static void main(String[] args) throws IOException {
        boolean udp = args.length > 0 && args[0].equals("udp");
        int port;
        if (udp) {
            DatagramChannel channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            Daemons.start("udp-sink", () -> receive(channel));
        } else {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            Daemons.start("tcp-accept", () -> accept(server));
        }
        System.out.println("PORT " + port);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        long dropsAtMark = udp ? KernelUdpStats.socketDrops(port) : 0;
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            if (line.equals("mark")) {
                MESSAGES.set(0);
                BYTES.set(0);
                FIRST.set(0);
                LAST.set(0);
                dropsAtMark = udp ? KernelUdpStats.socketDrops(port) : 0;
                System.out.println("OK");
            } else if (line.equals("report")) {
                long dropped = udp ? KernelUdpStats.socketDrops(port) - dropsAtMark : 0;
                System.out.println("COUNT " + MESSAGES.get() + " " + BYTES.get() + " " + dropped + " " + FIRST.get()
                        + " " + LAST.get());
            }
            System.out.flush();
        }
        System.exit(0);
    }

    private static void receive(DatagramChannel channel) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
        try {
            while (true) {
                buffer.clear();
                channel.receive(buffer);
                arrived(buffer.position(), 1);
            }
        } catch (IOException e) {
            System.err.println("# sink: " + e.getMessage());
        }
    }

    private static void accept(ServerSocketChannel server) {
        try {
            while (true) {
                SocketChannel client = server.accept();
                Daemons.start("tcp-sink", () -> read(client));
            }
        } catch (IOException e) {
            System.err.println("# sink: " + e.getMessage());
        }
    }

    private static void read(SocketChannel client) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (client) {
            for (int n = client.read(buffer); n >= 0; n = client.read(buffer.clear())) {
                if (n > 0) {
                    arrived(n, 0); // a read is not a message: only bytes count
                }
            }
        } catch (IOException endOfClient) {
            // the sender hung up or was killed
        }
    }

    private static void arrived(int bytes, int messages) {
        long now = System.nanoTime();
        if (messages > 0) {
            MESSAGES.addAndGet(messages);
        }
        BYTES.addAndGet(bytes);
        FIRST.compareAndSet(0, now);
        LAST.set(now);
    }
}
