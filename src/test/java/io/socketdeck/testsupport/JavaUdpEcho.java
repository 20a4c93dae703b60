package io.socketdeck.testsupport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;

/**
 * A UDP echo in plain Java: a socket on {@code 127.0.0.1:0} whose daemon thread sends every
 * datagram back to its sender, until closed.
 */
public final class JavaUdpEcho implements AutoCloseable {

    private static final long JOIN_MILLIS = 10_000;

    private final DatagramSocket socket;
    private final Thread thread;

    public JavaUdpEcho() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = new Thread(this::echo, "java-udp-echo");
        thread.setDaemon(true);
        thread.start();
    }

    private void echo() {
        byte[] buffer = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                socket.send(new DatagramPacket(packet.getData(), packet.getLength(), packet.getSocketAddress()));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(JOIN_MILLIS);
    }
}
