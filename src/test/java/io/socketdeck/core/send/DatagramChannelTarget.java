package io.socketdeck.core.send;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.SendTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The smallest real UDP {@link SendTarget}: a connected {@link DatagramChannel} whose sends run on
 * its own {@link SelectorLoop}, one datagram per send. Stands in for the UDP session in tests.
 */
final class DatagramChannelTarget implements SendTarget, AutoCloseable {

    private final SelectorLoop loop = new SelectorLoop();
    private final DatagramChannel channel;
    private final Thread thread;

    DatagramChannelTarget(InetSocketAddress to) throws IOException {
        channel = DatagramChannel.open();
        channel.connect(to);
        thread = new Thread(loop::run, "datagram-target");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public SelectorLoop loop() {
        return loop;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen() && !loop.isStopping();
    }

    @Override
    public void send(byte[] bytes, SendCompletion done) {
        loop.execute(() -> {
            try {
                int sent = channel.write(ByteBuffer.wrap(bytes)); // blocking: waits for buffer space
                done.completed(sent == bytes.length);
            } catch (IOException e) {
                done.completed(false);
            }
        });
    }

    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.close();
        SelectorLoop.closeQuietly(channel);
    }
}
