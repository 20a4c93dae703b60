package io.socketdeck.core.io;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Takes a listening socket's clients on its loop, for a server and a relay alike. At most
 * {@link #PER_TURN} a turn, so a storm of connects leaves the loop's other sockets their turn;
 * an accept that fails (out of file descriptors, above all) is reported once and pauses accepting
 * for {@link #PAUSE_NANOS}, instead of failing again on every select while the backlog stays full:
 * the pending connection keeps the socket ready, so retrying at once would spin and fill the log,
 * while a pause lets clients leave and file descriptors come back.
 * Loop thread only.
 */
public final class Acceptor {

    static final int PER_TURN = 256;
    static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** Runs a task later on the loop, as the owner guards its timers. */
    @FunctionalInterface
    public interface Delay {
        SelectorLoop.Timer schedule(long delayNanos, Runnable task);
    }

    private final ServerSocketChannel server;
    private final Consumer<SocketChannel> admit;
    private final Consumer<IOException> failed;
    private final Delay delay;
    private SelectionKey key;
    private boolean paused;

    /**
     * @param admit  takes each accepted client (still blocking: the owner configures it)
     * @param failed told of an accept that failed, once per pause
     * @param delay  the owner's timers
     */
    public Acceptor(ServerSocketChannel server, Consumer<SocketChannel> admit, Consumer<IOException> failed,
                    Delay delay) {
        this.server = server;
        this.admit = admit;
        this.failed = failed;
        this.delay = delay;
    }

    /** Starts accepting on {@code loop}; {@code guard} wraps the handler as the owner wraps its own. */
    public void register(SelectorLoop loop, UnaryOperator<SelectorLoop.Handler> guard) throws IOException {
        key = loop.register(server, SelectionKey.OP_ACCEPT, guard.apply(ready -> acceptReady()));
    }

    private void acceptReady() {
        for (int turn = 0; turn < PER_TURN; turn++) {
            SocketChannel accepted;
            try {
                accepted = server.accept();
            } catch (IOException e) {
                pause(e);
                return;
            }
            if (accepted == null) {
                return;
            }
            admit.accept(accepted);
        }
    }

    private void pause(IOException error) {
        if (paused || !key.isValid()) {
            return;
        }
        paused = true;
        failed.accept(error);
        key.interestOps(0);
        delay.schedule(PAUSE_NANOS, () -> {
            paused = false;
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_ACCEPT);
            }
        });
    }
}
