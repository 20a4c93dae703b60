package io.socketdeck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends 64-byte datagrams to a loopback port, in its own JVM (see {@link PeerProcess}) so its CPU
 * and garbage never count against the receiver being measured. Prints {@code PORT <n>} (its own
 * port) when ready, then obeys lines on stdin:
 *
 * <pre>blast PORT MILLIS RATE [SENDERS]</pre>
 *
 * sends to 127.0.0.1:PORT for MILLIS ms, as fast as the sockets take them when RATE is 0, or paced
 * at RATE datagrams a second; then prints {@code SENT <n>}, the datagrams the kernel accepted.
 * SENDERS (default 1) unpaced threads, each with its own socket, can outrun one receiver.
 * Exits when stdin closes.
 */
public final class UdpBlaster {

    static final int PAYLOAD = 64;
    /** Paced sending tops up the deficit about once a millisecond: steady on average, cheap on CPU. */
    private static final long PACE_TICK_NANOS = 1_000_000;

    private UdpBlaster() {
    }

    public static void main(String[] args) throws IOException {
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            System.out.println("PORT " + ((InetSocketAddress) channel.getLocalAddress()).getPort());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = commands.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                if (words.length >= 4 && words[0].equals("blast")) {
                    int senders = words.length > 4 ? Integer.parseInt(words[4]) : 1;
                    long sent = blastFrom(channel, senders, Integer.parseInt(words[1]), Long.parseLong(words[2]),
                            Long.parseLong(words[3]));
                    System.out.println("SENT " + sent);
                    System.out.flush();
                }
            }
        }
    }

    private static long blastFrom(DatagramChannel first, int senders, int port, long millis, long rate)
            throws IOException {
        if (senders <= 1) {
            return blast(first, port, millis, rate);
        }
        java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < senders; i++) {
            Thread thread = new Thread(() -> {
                try (DatagramChannel own = DatagramChannel.open()) {
                    own.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                    total.addAndGet(blast(own, port, millis, rate / senders));
                } catch (IOException e) {
                    System.err.println("# blaster: " + e.getMessage());
                }
            }, "blast-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return total.get();
    }

    private static long blast(DatagramChannel channel, int port, long millis, long rate) throws IOException {
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        channel.connect(target); // write() on a connected socket skips the per-send address work
        ByteBuffer payload = telemetry();
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long sent = 0;
        try {
            long now;
            while ((now = System.nanoTime()) < end) {
                long due = rate <= 0 ? sent + 1024 : (long) ((now - start) / 1e9 * rate);
                while (sent < due) {
                    payload.rewind();
                    if (channel.write(payload) == PAYLOAD) {
                        sent++;
                    }
                }
                if (rate > 0) {
                    LockSupport.parkNanos(PACE_TICK_NANOS);
                }
            }
        } catch (IOException e) {
            // a port unreachable from an earlier run: the count so far stands
            System.err.println("# blaster: " + e.getMessage());
        } finally {
            channel.disconnect();
        }
        return sent;
    }

    /** One line of a device's telemetry, ASCII, exactly {@link #PAYLOAD} bytes. */
    static ByteBuffer telemetry() {
        String line = "seq=100042 temp=21.5 hum=40 volt=3.31 status=OK";
        StringBuilder text = new StringBuilder(line);
        while (text.length() < PAYLOAD - 2) {
            text.append(' ');
        }
        text.append("\r\n");
        ByteBuffer buffer = ByteBuffer.allocateDirect(PAYLOAD);
        buffer.put(text.toString().getBytes(StandardCharsets.US_ASCII)).flip();
        return buffer;
    }
}
