package io.socketdeck.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Thousands of devices in one process: opens N loopback clients to a server (connecting to
 * 127.0.0.1, so they come from 127.0.0.1) on one selector, keeps them open, and tells when every
 * one has received a given number of bytes. Runs in its own JVM (see {@link PeerProcess}), so
 * its work never counts against the server being measured.
 *
 * <p>Usage: {@code ServerLoadPeer PORT COUNT}. Prints {@code READY}, then
 * {@code CONNECTED <n> <failed> <millis>} once every connect has finished. Commands on stdin:
 * {@code EXPECT <bytes>} answers {@code ARMED}, then {@code RECEIVED <n> <millis>} when every
 * open client has read that many more bytes; {@code CLOSE} closes every client at once (a storm of
 * departures) and answers {@code CLOSED <n> <millis>}. Exits when stdin closes.
 */
public final class ServerLoadPeer {

    /**
     * Connects under way at once. More would only overflow the server's accept queue: the
     * kernel then drops SYNs and the client retries a second later, which measures the
     * retransmission timer, not the server.
     */
    private static final int IN_FLIGHT = 1024;

    private final InetSocketAddress server;
    private final int count;
    private final Selector selector = Selector.open();
    private final Queue<String> commands = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final long[] received;
    private int started;
    private int inFlight;
    private int connected;
    private int failed;
    private int open;
    private long expectedBytes = -1;
    private long[] target;
    private int satisfied;
    private long armedAtNanos;

    private ServerLoadPeer(InetSocketAddress server, int count) throws IOException {
        this.server = server;
        this.count = count;
        this.received = new long[count];
    }

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        new ServerLoadPeer(server, Integer.parseInt(args[1])).run();
    }

    private void run() throws IOException {
        System.out.println("READY");
        System.out.flush();
        startCommandReader();
        long start = System.nanoTime();
        boolean reported = false;
        while (true) {
            while (started < count && inFlight < IN_FLIGHT) {
                startConnect(started++);
            }
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                handle(key);
            }
            selector.selectedKeys().clear();
            if (!reported && connected + failed == count) {
                reported = true;
                say("CONNECTED " + connected + " " + failed + " " + (System.nanoTime() - start) / 1_000_000);
            }
            runCommands();
        }
    }

    private void startConnect(int index) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        // No bind(0) first: that port search skips every port in TIME_WAIT, and after two rounds of
        // 10,000 clients that closed first (20,000 such ports) the range runs dry; connect() may reuse
        // a port whose old connection went to another server port (each round listens on a new one).
        inFlight++;
        if (channel.connect(server)) {
            connected(channel, index);
        } else {
            channel.register(selector, SelectionKey.OP_CONNECT, index);
        }
    }

    private void connected(SocketChannel channel, int index) throws IOException {
        inFlight--;
        connected++;
        open++;
        channel.register(selector, SelectionKey.OP_READ, index);
    }

    private void handle(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        int index = (Integer) key.attachment();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                connected(channel, index);
            } else if (key.isReadable()) {
                read(channel, key, index);
            }
        } catch (IOException e) {
            if (key.isConnectable()) {
                inFlight--;
                failed++;
            } else {
                open--;
            }
            key.cancel();
            closeQuietly(channel);
        }
    }

    private void read(SocketChannel channel, SelectionKey key, int index) throws IOException {
        readBuffer.clear();
        int n = channel.read(readBuffer);
        if (n < 0) {
            open--;
            key.cancel();
            closeQuietly(channel);
            return;
        }
        long before = received[index];
        received[index] += n;
        if (target != null && before < target[index] && received[index] >= target[index]) {
            satisfied++;
            if (satisfied == open) {
                say("RECEIVED " + satisfied + " " + (System.nanoTime() - armedAtNanos) / 1_000_000);
                target = null;
            }
        }
    }

    private void runCommands() {
        String command;
        while ((command = commands.poll()) != null) {
            if (command.startsWith("EXPECT ")) {
                expectedBytes = Long.parseLong(command.substring(7).trim());
                target = new long[count];
                for (int i = 0; i < count; i++) {
                    target[i] = received[i] + expectedBytes;
                }
                satisfied = 0;
                armedAtNanos = System.nanoTime();
                say("ARMED");
            } else if (command.equals("CLOSE")) {
                closeAll();
            }
        }
    }

    /** Every open client leaves, back to back; connects still under way are left alone. */
    private void closeAll() {
        long start = System.nanoTime();
        int closed = 0;
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && (key.interestOps() & SelectionKey.OP_READ) != 0) {
                key.cancel();
                closeQuietly((SocketChannel) key.channel());
                closed++;
            }
        }
        open -= closed;
        say("CLOSED " + closed + " " + (System.nanoTime() - start) / 1_000_000);
    }

    private void startCommandReader() {
        PeerProcess.onEachParentLine(line -> {
            commands.add(line);
            selector.wakeup();
        });
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
