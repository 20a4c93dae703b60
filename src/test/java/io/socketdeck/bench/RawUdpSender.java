package io.socketdeck.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The baseline for {@code gen_udp_pps}: the plain Java way to send datagrams as fast as possible,
 * in a JVM of its own started like the CLI. One blocking IPv4 {@link DatagramChannel} (the
 * default, a dual-stack IPv6 socket, sends to 127.0.0.1 through the v4-mapped path, measured
 * 5 to 15 % slower here), connected (so {@code write} skips the per-send address checks), one
 * direct buffer rewound and written again, the clock read once per 64 datagrams. Arguments:
 * {@code PORT MILLIS SIZE}; prints {@code SENT <n>}.
 */
public final class RawUdpSender {

    private RawUdpSender() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long millis = Long.parseLong(args[1]);
        int size = Integer.parseInt(args[2]);
        ByteBuffer payload = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i++) {
            payload.put((byte) ('a' + i % 26));
        }
        payload.flip();
        long sent = 0;
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET)) {
            channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            long end = System.nanoTime() + millis * 1_000_000L;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 64; i++) {
                    payload.rewind();
                    channel.write(payload);
                }
                sent += 64;
            }
        }
        System.out.println("SENT " + sent);
    }
}
