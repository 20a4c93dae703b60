package io.socketdeck.bench;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A request/response client in its own process, like netperf's TCP_RR: one 32-byte request line
 * in flight at a time, the next sent as soon as the answer line is in, for the given time. Prints
 * {@code READY}, then after the run {@code RESULT <transactions> <p50 ns> <p99 ns>} by its own clock.
 *
 * <p>Usage: RrPeer PORT MILLIS
 */
public final class RrPeer {

    private RrPeer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long millis = Long.parseLong(args[1]);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            System.out.println("READY");
            System.out.flush();
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            InputStream in = socket.getInputStream();
            long[] rtts = new long[1 << 22];
            int count = 0;
            byte[] answer = new byte[256];
            long end = System.nanoTime() + millis * 1_000_000L;
            while (System.nanoTime() - end < 0 && count < rtts.length) {
                byte[] request = String.format("REQ %012d ..............\n", count).getBytes(StandardCharsets.US_ASCII);
                long sent = System.nanoTime();
                out.write(request);
                out.flush();
                int length = 0;
                do { // one line back; a peer that answers in pieces is still read whole
                    int read = in.read(answer, length, answer.length - length);
                    if (read < 0) {
                        throw new IllegalStateException("the server closed after " + count + " transactions");
                    }
                    length += read;
                } while (answer[length - 1] != '\n');
                rtts[count++] = System.nanoTime() - sent;
            }
            long[] sorted = Arrays.copyOf(rtts, count);
            Arrays.sort(sorted);
            System.out.println("RESULT " + count + " " + sorted[(int) (count * 0.5)] + " " + sorted[(int) (count * 0.99)]);
            System.out.flush();
        }
    }
}
