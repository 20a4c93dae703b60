package io.socketdeck.core.tcp;

import io.socketdeck.core.io.SelectorLoop;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A test-only transport that XORs every byte both ways, standing in for TLS: it decodes in place
 * on read and encodes into a small buffer of its own on write, so, like an {@code SSLEngine}, it
 * can hold encoded bytes the socket did not take yet and needs {@link #flush()} called later.
 */
final class XorTransport implements Transport {

    static final byte KEY = 0x5A;

    private final SocketChannel channel;
    /** Encoded bytes not yet on the wire; small, so a fast writer fills it often. */
    private final ByteBuffer encoded = ByteBuffer.allocate(1500).flip();

    XorTransport(SocketChannel channel) {
        this.channel = channel;
    }

    static byte[] xor(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) (bytes[i] ^ KEY);
        }
        return out;
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int count = channel.read(dst);
        for (int i = start; i < start + Math.max(count, 0); i++) {
            dst.put(i, (byte) (dst.get(i) ^ KEY));
        }
        return count;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!flush()) {
            return 0;
        }
        encoded.clear();
        int taken = 0;
        while (src.hasRemaining() && encoded.hasRemaining()) {
            encoded.put((byte) (src.get() ^ KEY));
            taken++;
        }
        encoded.flip();
        channel.write(encoded);
        return taken;
    }

    @Override
    public boolean flush() throws IOException {
        if (encoded.hasRemaining()) {
            channel.write(encoded);
        }
        return !encoded.hasRemaining();
    }

    @Override
    public void close(boolean abort) {
        SelectorLoop.closeQuietly(channel);
    }
}
