package io.socketdeck.core.tls;

import java.nio.ByteBuffer;

/**
 * The working buffers of the TLS connections of one I/O loop thread. A connection only borrows
 * them for one read or one write and keeps just what is left over (a partial record, bytes the
 * socket did not take), so 2,000 idle TLS clients hold no buffers at all instead of 100 KB each,
 * and a flood reads several records per system call.
 *
 * <p>One per thread: everything a connection does happens on its loop's thread.
 */
final class LoopBuffers {

    /** Records per socket read or write: one system call carries several records. */
    static final int RECORDS_PER_CALL = 4;

    private static final ThreadLocal<LoopBuffers> OF_THREAD = ThreadLocal.withInitial(LoopBuffers::new);

    private ByteBuffer in;
    private ByteBuffer out;
    private ByteBuffer app;

    static LoopBuffers ofThisThread() {
        return OF_THREAD.get();
    }

    /** Cleared, for records read from the socket; at least {@code capacity} bytes. */
    ByteBuffer in(int capacity) {
        in = atLeast(in, capacity);
        return in.clear();
    }

    /** Cleared, for records to write to the socket; at least {@code capacity} bytes. */
    ByteBuffer out(int capacity) {
        out = atLeast(out, capacity);
        return out.clear();
    }

    /** Cleared, for decrypted bytes the caller has no room for; at least {@code capacity} bytes. */
    ByteBuffer app(int capacity) {
        app = atLeast(app, capacity);
        return app.clear();
    }

    private static ByteBuffer atLeast(ByteBuffer buffer, int capacity) {
        return buffer != null && buffer.capacity() >= capacity ? buffer : ByteBuffer.allocate(capacity);
    }

    /**
     * What a connection keeps of {@code source} (read mode) after a borrowed buffer's turn: null
     * when nothing is left, else the rest, in {@code held} when it fits (a flood reuses it).
     */
    static ByteBuffer keep(ByteBuffer source, ByteBuffer held, int minimum) {
        if (!source.hasRemaining()) {
            return null;
        }
        ByteBuffer kept = held != null && held.capacity() >= source.remaining() ? held.clear()
                : ByteBuffer.allocate(Math.max(source.remaining(), minimum));
        kept.put(source);
        return kept.flip();
    }
}
