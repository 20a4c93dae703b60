package io.socketdeck.core.tcp;

import io.socketdeck.core.io.SelectorLoop;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plain TCP: the application's bytes go to and come from the socket as they are. */
public final class PlainTransport implements Transport {

    private static final Logger LOGGER = LoggerFactory.getLogger(PlainTransport.class);

    private final SocketChannel channel;

    public PlainTransport(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return channel.write(src);
    }

    @Override
    public boolean transfersFiles() {
        return true;
    }

    /**
     * sendfile where the system has it (the JDK falls back to copying otherwise); on a non-blocking
     * socket it writes what the socket buffer takes and returns 0 when that is nothing.
     */
    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        return file.transferTo(position, count, channel);
    }

    @Override
    public void close(boolean abort) {
        if (abort) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | UnsupportedOperationException e) {
                // Closed already, or a Unix socket, which has no RST: it closes with a FIN.
                LOGGER.debug("no RST for {}; it closes with a FIN", channel, e);
            }
        }
        SelectorLoop.closeQuietly(channel);
    }
}
