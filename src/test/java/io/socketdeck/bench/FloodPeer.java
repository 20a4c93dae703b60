package io.socketdeck.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * A device gone wild: every client that connects gets telemetry text until it disconnects, as
 * fast as the socket takes it or paced. Runs in its own JVM (see {@link PeerProcess}).
 *
 * <p>Commands on stdin: {@code mode ascii|gbk BYTES_PER_SECOND} (0: unpaced) sets what clients
 * that connect from then on get, answered with {@code OK}. The default is ASCII, unpaced. Exits
 * when stdin closes.
 */
public final class FloodPeer {

    static final int CHUNK = 64 * 1024;
    static final Charset GBK = Charset.forName("GBK");
    /** Paced writing tops up the deficit about once a millisecond. */
    private static final long PACE_TICK_NANOS = 1_000_000;

    private static volatile ByteBuffer payload = telemetry(CHUNK);
    private static volatile long bytesPerSecond;

    private FloodPeer() {
    }

    public static void main(String[] args) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        System.out.println("PORT " + ((InetSocketAddress) server.getLocalAddress()).getPort());
        System.out.flush();
        PeerProcess.onEachParentLine(line -> {
            String[] words = line.trim().split("\\s+");
            if (words.length == 3 && words[0].equals("mode")) {
                payload = words[1].equals("gbk") ? gbkTelemetry(CHUNK) : telemetry(CHUNK);
                bytesPerSecond = Long.parseLong(words[2]);
                System.out.println("OK");
                System.out.flush();
            }
        });
        while (true) {
            SocketChannel client = server.accept();
            ByteBuffer bytes = payload.duplicate();
            long rate = bytesPerSecond;
            Daemons.start("flood", () -> flood(client, bytes, rate));
        }
    }

    private static void flood(SocketChannel client, ByteBuffer payload, long rate) {
        try (client) {
            long start = System.nanoTime();
            long sent = 0;
            while (true) {
                if (rate <= 0) {
                    payload.clear();
                    while (payload.hasRemaining()) {
                        client.write(payload);
                    }
                    continue;
                }
                long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
                while (sent < due) {
                    int offset = (int) (sent % payload.capacity());
                    payload.limit((int) Math.min(payload.capacity(), offset + due - sent)).position(offset);
                    sent += client.write(payload);
                }
                LockSupport.parkNanos(PACE_TICK_NANOS);
            }
        } catch (IOException closedByClient) {
            // the reader hung up: done
        }
    }

    /** Lines like a device's log: ASCII, CRLF-terminated, with changing numbers. */
    static ByteBuffer telemetry(int size) {
        StringBuilder text = new StringBuilder(size + 128);
        for (int seq = 0; text.length() < size; seq++) {
            text.append("seq=").append(100000 + seq).append(" temp=").append(20 + seq % 9).append('.').append(seq % 10)
                    .append(" hum=").append(40 + seq % 13).append(" status=OK\r\n");
        }
        byte[] bytes = text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocateDirect(size);
        buffer.put(bytes).flip();
        return buffer;
    }

    /**
     * The same in Chinese, GBK-encoded (two bytes a character): whole lines only, padded with
     * spaces to {@code size}, so the chunk repeats without splitting a character.
     */
    static ByteBuffer gbkTelemetry(int size) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(size);
        for (int seq = 0; ; seq++) {
            byte[] line = ("序号=" + (100000 + seq) + " 温度=" + (20 + seq % 9) + "." + seq % 10 + "度 湿度=" + (40 + seq % 13)
                    + " 状态=正常 设备=北京一号\r\n").getBytes(GBK);
            if (line.length > buffer.remaining()) {
                break;
            }
            buffer.put(line);
        }
        while (buffer.hasRemaining()) {
            buffer.put((byte) ' ');
        }
        return buffer.flip();
    }
}
