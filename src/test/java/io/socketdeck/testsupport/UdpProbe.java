package io.socketdeck.testsupport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;

/**
 * A plain Java UDP peer on loopback for tests: sends datagrams and receives them with a timeout.
 * Blocking, one socket, no threads.
 */
public final class UdpProbe implements AutoCloseable {

    /** One datagram as received. */
    public record Datagram(byte[] bytes, InetSocketAddress sender) {
    }

    private static final int CLOSED_PORT_ATTEMPTS = 10;

    private final DatagramChannel channel;
    private final InetSocketAddress address;

    private UdpProbe(DatagramChannel channel) throws IOException {
        this.channel = channel;
        this.address = (InetSocketAddress) channel.getLocalAddress();
    }

    /** A probe on {@code HOST:0}; HOST must be a loopback literal (127.x.y.z or ::1). */
    public static UdpProbe bind(String host) throws IOException {
        InetAddress local = Loopback.address(host);
        DatagramChannel channel = DatagramChannel.open(local instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.bind(new InetSocketAddress(local, 0));
            return new UdpProbe(channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** A probe on {@code 127.0.0.1:0}. */
    public static UdpProbe bind() throws IOException {
        return bind(Loopback.IPV4);
    }

    /**
     * A loopback UDP port nobody listens on: bound once, released, and checked: a datagram sent
     * there comes back as ICMP port unreachable (if someone took the port meanwhile, another).
     */
    public static int closedPort(String host) throws IOException {
        for (int i = 0; i < CLOSED_PORT_ATTEMPTS; i++) {
            int port;
            try (UdpProbe probe = bind(host)) {
                port = probe.port();
            }
            if (unreachable(new InetSocketAddress(Loopback.address(host), port))) {
                return port;
            }
        }
        throw new IllegalStateException("no unreachable UDP port found on " + host + " in " + CLOSED_PORT_ATTEMPTS
                + " tries");
    }

    /** Whether a datagram to {@code target} is answered with port unreachable: nobody there. */
    private static boolean unreachable(InetSocketAddress target) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(target.getAddress(), 0))) {
            socket.connect(target);
            socket.setSoTimeout(2_000); // loopback's ICMP answer comes at once; silence means someone is there
            socket.send(new DatagramPacket(new byte[1], 1));
            socket.receive(new DatagramPacket(new byte[1], 1));
            return false; // someone answered
        } catch (PortUnreachableException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    /**
     * Sends multicast through loopback only ({@code lo}), so a group datagram never leaves the
     * machine.
     */
    public UdpProbe multicastThroughLoopback() throws IOException {
        NetworkInterface lo = loopbackInterface();
        channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, lo);
        channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 0);
        return this;
    }

    /** The loopback interface ({@code lo} on Linux). */
    public static NetworkInterface loopbackInterface() throws SocketException {
        NetworkInterface lo = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        if (lo == null) {
            throw new SocketException("no loopback interface");
        }
        return lo;
    }

    public void send(byte[] bytes, InetSocketAddress to) throws IOException {
        if (!to.getAddress().isLoopbackAddress() && !to.getAddress().isMulticastAddress()) {
            throw new IllegalArgumentException("tests send to loopback or to a group through lo only: " + to);
        }
        channel.send(ByteBuffer.wrap(bytes), to);
    }

    /**
     * Asks for a receive buffer of {@code bytes}; the kernel grants at most its
     * {@code net.core.rmem_max}, so a test that cannot afford loss still has to read promptly.
     */
    public UdpProbe receiveBuffer(int bytes) throws IOException {
        channel.setOption(StandardSocketOptions.SO_RCVBUF, bytes);
        return this;
    }

    /**
     * How many datagrams the kernel dropped at this socket because its receive buffer was full
     * (the {@code drops} column of {@code /proc/net/udp} and {@code udp6}), or -1 where the
     * system does not say. On a loaded machine loopback UDP loses datagrams exactly this way.
     */
    public long kernelDrops() {
        String port = String.format(":%04X", port());
        for (String table : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(table))) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length > 12 && columns[1].endsWith(port)) {
                        return Long.parseLong(columns[columns.length - 1]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or the table is not readable: the caller treats -1 as "unknown"
            }
        }
        return -1;
    }

    /** The next datagram, waiting at most {@code timeout}. */
    public Datagram receive(Duration timeout) throws IOException {
        channel.socket().setSoTimeout((int) timeout.toMillis());
        byte[] buffer = new byte[65_536];
        java.net.DatagramPacket packet = new java.net.DatagramPacket(buffer, buffer.length);
        try {
            channel.socket().receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no datagram on " + address + " within " + timeout.toMillis() + " ms", e);
        }
        return new Datagram(Arrays.copyOf(buffer, packet.getLength()), (InetSocketAddress) packet.getSocketAddress());
    }

    /** The next datagram within {@code timeout}, or null when none came. */
    public Datagram receiveOrNull(Duration timeout) throws IOException {
        try {
            return receive(timeout);
        } catch (AssertionError e) {
            if (e.getCause() instanceof SocketTimeoutException) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
