package io.socketdeck.core.tcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The bytes on the wire of one TCP connection: read into a buffer, write from one, close. Plain
 * TCP is {@link PlainTransport}; TLS over an {@code SSLEngine} is another transport over the same
 * channel. Everything else about a connection (the write queue, counters, events, send
 * completions, why it closed) stays in the one connection class every transport shares, so a new
 * transport changes no session, counter, event or send tool: a session is simply given a
 * different {@link Factory}.
 *
 * <p>Called on the connection's loop thread only.
 */
public interface Transport {

    /** Makes the transport of a connection that has just been established (connected or accepted). */
    @FunctionalInterface
    interface Factory {

        /** Plain TCP: the application's bytes are the bytes on the wire. */
        Factory PLAIN = PlainTransport::new;

        Transport over(SocketChannel connected) throws IOException;
    }

    /** The socket, registered with the loop's selector for readiness; non-blocking. */
    SocketChannel channel();

    /**
     * Reads application bytes into {@code dst}.
     *
     * @return how many; 0 when none are ready now (a transport that decodes may have read the
     *         socket and found only its own records, such as a handshake); -1 at the end of the
     *         stream. Bytes decoded beyond {@code dst}'s room must come first on the next read
     */
    int read(ByteBuffer dst) throws IOException;

    /**
     * Takes as many application bytes from {@code src} as it can now, advancing its position. A
     * plain transport writes them to the socket; one that encodes may keep encoded bytes it could
     * not write yet, which {@link #flush()} writes later.
     *
     * @return how many bytes it took
     */
    int write(ByteBuffer src) throws IOException;

    /**
     * Writes what the transport holds from earlier writes (or its own records).
     *
     * @return true when it holds nothing more, false to be called again once the socket is writable
     */
    default boolean flush() throws IOException {
        return true;
    }

    /**
     * Closes the connection and the socket; quietly. With {@code abort}, resets it (RST) instead
     * of closing it cleanly, so a refused client learns at once.
     */
    void close(boolean abort);
}
