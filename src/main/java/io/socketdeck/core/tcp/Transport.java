package io.socketdeck.core.tcp;

import io.socketdeck.core.session.TlsHandshake;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * The bytes on the wire of one TCP connection: read into a buffer, write from one, close. Plain
 * TCP is {@link PlainTransport}; TLS over an {@code SSLEngine} is another transport over the same
 * channel. Everything else about a connection (the write queue, counters, events, send
 * completions, why it closed) stays in the one connection class every transport shares, so a new
 * transport changes no session, counter, event or send tool: a session is simply given a
 * different {@link Factory}.
 *
 * <p>A transport that must agree on something first (a TLS handshake) is not {@link #ready()}
 * at once: the connection sends none of the application's bytes until it is, and reports what
 * was agreed ({@link #handshake()}) as an event. A transport's own failure is thrown as a
 * {@link TransportFailure}, which names its cause for the user.
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
     * Starts what must happen before the application's bytes can flow (a TLS client sends its
     * hello); called once the socket is registered. What it could not write yet, {@link #flush()}
     * writes.
     */
    default void begin() throws IOException {
    }

    /** True once the application's bytes may be written: at once for plain TCP, after a handshake for TLS. */
    default boolean ready() {
        return true;
    }

    /**
     * What the handshake agreed, once, on the first call after it completed; null before, after,
     * and for a transport with no handshake.
     */
    default TlsHandshake handshake() {
        return null;
    }

    /** How long the connection waits for {@link #ready()} before it gives up; 0 for never. */
    default long handshakeTimeoutNanos() {
        return 0;
    }

    /**
     * True when the transport holds bytes it read and has not handed over yet (decrypted bytes the
     * last read had no room for): the connection reads again without waiting for the socket,
     * which may have nothing more to say.
     */
    default boolean hasPending() {
        return false;
    }

    /**
     * True while the transport takes in nothing more until {@link #flush()} has written what its
     * protocol owes the peer (a TLS 1.3 key update's answer the full socket did not take): reading
     * on would make it owe more, kept without bound for a peer that does not read. The connection
     * stops reading, as such a peer stalls plain TCP, and reads again once a flush returns true.
     */
    default boolean mustWriteFirst() {
        return false;
    }

    /** Encoded bytes read from the socket so far; 0 for a transport whose wire bytes are the application's. */
    default long wireReceived() {
        return 0;
    }

    /** Encoded bytes written to the socket so far; 0 for a transport whose wire bytes are the application's. */
    default long wireSent() {
        return 0;
    }

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
     * True when the application's bytes are the bytes on the wire, so a file can go to the socket
     * inside the kernel ({@link #transferFrom}); false for a transport that encodes them.
     */
    default boolean transfersFiles() {
        return false;
    }

    /**
     * Writes up to {@code count} bytes of {@code file} from {@code position} to the socket as they
     * are; only when {@link #transfersFiles()}.
     *
     * @return how many it wrote; 0 when the socket takes none now, or when the file has no bytes
     *         at {@code position} (it is shorter than that)
     */
    default long transferFrom(FileChannel file, long position, long count) throws IOException {
        throw new UnsupportedOperationException("this transport encodes what it sends");
    }

    /**
     * Writes what the transport holds from earlier writes (or its own records).
     *
     * @return true when it holds nothing more, false to be called again once the socket is writable
     */
    default boolean flush() throws IOException {
        return true;
    }

    /**
     * Ends the application's sending while reading goes on (a half-close): what must precede the
     * FIN, a TLS close_notify, is made and written here. Called again while it returns false,
     * once the socket is writable; the connection shuts the socket's output when it returns true.
     *
     * @return true when nothing more must be written before the FIN
     */
    default boolean closeOutput() throws IOException {
        return true;
    }

    /**
     * Closes the connection and the socket; quietly. With {@code abort}, resets it (RST) instead
     * of closing it cleanly, so a refused client learns at once.
     */
    void close(boolean abort);
}
