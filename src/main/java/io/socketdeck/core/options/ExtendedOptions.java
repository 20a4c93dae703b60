package io.socketdeck.core.options;

import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jdk.net.ExtendedSocketOptions} the panel uses, found by name among a channel's
 * supported options rather than imported: a runtime image without the {@code jdk.net} module
 * still runs, and reports them as unsupported. Also tells the window, once, what this platform has,
 * so it can grey out what it does not.
 */
public final class ExtendedOptions {

    static final String KEEP_IDLE = "TCP_KEEPIDLE";
    static final String KEEP_INTERVAL = "TCP_KEEPINTERVAL";
    static final String KEEP_COUNT = "TCP_KEEPCOUNT";

    private static final Logger LOGGER = LoggerFactory.getLogger(ExtendedOptions.class);

    private ExtendedOptions() {
    }

    /** The integer option called {@code name} on {@code channel}, or null when it has none. */
    static SocketOption<Integer> find(NetworkChannel channel, String name) {
        for (SocketOption<?> option : channel.supportedOptions()) {
            if (option.name().equals(name) && option.type() == Integer.class) {
                @SuppressWarnings("unchecked")
                SocketOption<Integer> integer = (SocketOption<Integer>) option;
                return integer;
            }
        }
        return null;
    }

    /** True when a TCP socket here takes keepalive timings (idle, interval, count). */
    public static boolean keepAliveTimings() {
        return Support.KEEPALIVE_TIMINGS;
    }

    /** True when a listening socket here takes SO_REUSEPORT. */
    public static boolean reusePort() {
        return Support.REUSE_PORT;
    }

    /** Asked once, on first use, from an unbound socket of each kind (no port is taken). */
    private static final class Support {
        static final boolean KEEPALIVE_TIMINGS;
        static final boolean REUSE_PORT;

        static {
            boolean timings = false;
            try (SocketChannel probe = SocketChannel.open()) {
                timings = find(probe, KEEP_IDLE) != null && find(probe, KEEP_INTERVAL) != null
                        && find(probe, KEEP_COUNT) != null;
            } catch (IOException e) {
                LOGGER.debug("cannot open a socket to ask for keepalive timings", e);
            }
            boolean reuse = false;
            try (ServerSocketChannel probe = ServerSocketChannel.open()) {
                reuse = probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            } catch (IOException e) {
                LOGGER.debug("cannot open a socket to ask for SO_REUSEPORT", e);
            }
            KEEPALIVE_TIMINGS = timings;
            REUSE_PORT = reuse;
        }

        private Support() {
        }
    }
}
