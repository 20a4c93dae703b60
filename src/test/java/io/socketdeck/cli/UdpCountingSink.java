package io.socketdeck.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP receiver on {@code 127.0.0.1:0} for the generator's tests: a thread reads every datagram,
 * counts it and keeps the first 10,000 as text. What arrived at the socket is what was read plus
 * what the kernel dropped at its full queue (the socket's own counter in {@code /proc/net/udp}),
 * so a test on a busy machine checks the count exactly even if this reader fell behind.
 */
final class UdpCountingSink implements AutoCloseable {

    private static final int KEPT = 10_000;

    private final DatagramChannel channel;
    private final int port;
    private final long dropsAtStart;
    private final AtomicLong read = new AtomicLong();
    private final List<String> texts = new ArrayList<>();
    private final Thread reader;

    UdpCountingSink() throws IOException {
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        dropsAtStart = kernelDrops();
        reader = new Thread(this::readAll, "udp-sink-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return port;
    }

    /** Datagrams read so far. */
    long read() {
        return read.get();
    }

    /** Datagrams the kernel dropped at this socket's full queue since it opened; 0 where it cannot tell. */
    long dropped() {
        long now = kernelDrops();
        return now < 0 ? 0 : now - Math.max(0, dropsAtStart);
    }

    /** Datagrams that reached the socket: read or dropped. */
    long arrived() {
        return read() + dropped();
    }

    /** The first datagrams' bytes as UTF-8 text, in the order read. */
    List<String> texts() {
        synchronized (texts) {
            return List.copyOf(texts);
        }
    }

    private void readAll() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (true) {
                buffer.clear();
                channel.receive(buffer);
                buffer.flip();
                synchronized (texts) {
                    if (texts.size() < KEPT) {
                        texts.add(StandardCharsets.UTF_8.decode(buffer).toString());
                    }
                }
                read.incrementAndGet();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    /** The "drops" column of this socket's line in /proc/net/udp; -1 off Linux. */
    private long kernelDrops() {
        try {
            String hexPort = String.format(":%04X ", port);
            for (String line : Files.readAllLines(Path.of("/proc/net/udp"))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 13 && (fields[1] + " ").endsWith(hexPort)) {
                    return Long.parseLong(fields[fields.length - 1]);
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
