package io.socketdeck.testsupport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A loopback port with nothing listening, for "connection refused" tests. */
public final class ClosedPort {

    private static final int ATTEMPTS = 10;

    private ClosedPort() {
    }

    /** A port on {@code 127.0.0.1} with nothing listening (checked: a connect is refused). */
    public static int find() {
        return find(Loopback.IPV4);
    }

    /** A port on {@code HOST} ({@code 127.0.0.1} or {@code ::1}) with nothing listening. */
    public static int find(String host) {
        InetSocketAddress any = Loopback.anyPort(host);
        for (int i = 0; i < ATTEMPTS; i++) {
            int port;
            try (ServerSocket s = new ServerSocket()) {
                s.bind(any, 1);
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("cannot bind " + any, e);
            }
            if (refused(new InetSocketAddress(any.getAddress(), port))) {
                return port;
            }
        }
        throw new IllegalStateException("no refusing port found on " + host + " in " + ATTEMPTS + " tries");
    }

    /** The address of {@link #find(String)} on {@code 127.0.0.1}. */
    public static InetSocketAddress address() {
        return new InetSocketAddress(Loopback.address(Loopback.IPV4), find());
    }

    private static boolean refused(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.setSoLinger(true, 0);
            s.connect(address, 2_000);
            return false; // someone took the port in between
        } catch (ConnectException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
