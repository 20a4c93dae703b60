package io.socketdeck.core.session;

import io.socketdeck.core.io.SelectorLoop;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Somewhere a session can send to: a TCP client's connection, one client of a server, all of
 * them, a UDP peer. Periodic and file sends work against this, so every tab gets them by offering
 * its targets; each {@link #send} is one message (one TCP write request, one datagram).
 *
 * <p>Work that must be ordered with a target's other sends (a periodic timer, the next file chunk)
 * runs on the target's {@link #loop()}: a send made on the loop thread is queued at once, behind
 * every earlier send, with no hop through a task queue.
 */
public interface SendTarget {

    /** The loop that does this target's I/O: schedule timers on it, from its own thread. */
    SelectorLoop loop();

    /** True while sends can succeed; false once the connection or socket behind it is gone. */
    boolean isOpen();

    /**
     * Queues {@code bytes} for sending; the array belongs to the target from now on. Safe from any
     * thread. {@code done} is told the outcome once, on the loop thread: true when every byte was
     * handed to the operating system, false when the bytes were dropped (the target closed first,
     * or its send queue is full). When the target is not open at all it may be told at once, on
     * the calling thread. If the loop ends before a send made from another thread reaches it,
     * {@code done} is not called; use {@link #whenClosed} to learn of the end.
     */
    void send(byte[] bytes, SendCompletion done);

    /**
     * True when {@link #sendFileRegion} may be used now: the bytes go from the file to the socket
     * as they are, inside the kernel (a plain TCP connection: sendfile), instead of through a Java
     * array twice. False for a transport that transforms them (TLS), for datagrams and for targets
     * of several peers. Loop thread; it may change when the connection behind the target does.
     */
    default boolean sendsFileRegions() {
        return false;
    }

    /**
     * Queues {@code length} bytes of {@code file} from {@code position}, sent as the file holds
     * them when their turn comes; one message, ordered with {@link #send}s, and reported as TX with
     * the bytes read back (unless {@code done} is a {@link RegionCompletion} that says not to).
     * Only while {@link #sendsFileRegions()}. The file must stay open until
     * {@code done} is told: true once all were handed to the system; false as for {@link #send},
     * and also when the file ends before the region does (it shrank meanwhile). Loop thread.
     */
    default void sendFileRegion(FileChannel file, long position, int length, SendCompletion done) {
        throw new UnsupportedOperationException("this target sends arrays only");
    }

    /**
     * Runs {@code action} once when the session behind this target has ended: on the loop thread,
     * or at once on the calling thread if it already has. Work scheduled on the loop (a repeat
     * send's timer, a file send waiting for its next chunk) learns here that it is over; the loop
     * itself may go on, serving other sessions. The default suits a target that lives as long as
     * its loop: it waits for the loop to stop.
     *
     * @return a handle whose {@code cancel} withdraws the action
     */
    default SelectorLoop.Timer whenClosed(Runnable action) {
        return loop().whenStopped(action);
    }

    /**
     * The peers whose sends through this target still wait to be handed to the system, oldest
     * connection first: who a stalled file send waits for. Loop thread. Empty when none waits, or
     * when the target cannot tell (a datagram never waits).
     */
    default List<InetSocketAddress> waitingOn() {
        return List.of();
    }

    /**
     * True when this target sends to several peers and can leave one out ({@link #skip}).
     */
    default boolean canSkip() {
        return false;
    }

    /**
     * Leaves {@code peer} out of this target's sends from now on; what already waits for it no
     * longer holds up this target's senders (their sends complete as written by the others).
     * Loop thread. The peer stays connected and what was queued for it stays queued.
     *
     * @return false when there is no such peer among the target's, or the target cannot skip one
     */
    default boolean skip(InetSocketAddress peer) {
        return false;
    }

    /**
     * A target whose sends run on {@code loop}: {@code sendOnLoop} is called on the loop thread,
     * at once when already there (a timer of a repeat send), otherwise as a loop task. While
     * {@code open} says no, sends are dropped at once.
     */
    static SendTarget onLoop(SelectorLoop loop, BooleanSupplier open, BiConsumer<byte[], SendCompletion> sendOnLoop) {
        return new SendTarget() {
            @Override
            public SelectorLoop loop() {
                return loop;
            }

            @Override
            public boolean isOpen() {
                return open.getAsBoolean();
            }

            @Override
            public void send(byte[] bytes, SendCompletion done) {
                if (!open.getAsBoolean()) {
                    done.completed(false);
                } else if (loop.inLoop()) {
                    sendOnLoop.accept(bytes, done);
                } else {
                    loop.execute(() -> sendOnLoop.accept(bytes, done));
                }
            }
        };
    }

    /** The outcome of one {@link SendTarget#send}. */
    @FunctionalInterface
    interface SendCompletion {

        /** For senders that do not care. */
        SendCompletion IGNORE = written -> { };

        /** An automatic reply's: its TX event says it was not typed (see {@link SessionEvent.Data#automatic()}). */
        SendCompletion AUTOMATIC = new Automatic() {
        };

        void completed(boolean written);
    }

    /**
     * A file region's completion that is also asked, on the loop thread as the region goes out,
     * whether its bytes are read back from the file for a TX {@link SessionEvent.Data}; when not,
     * a {@link SessionEvent.SentUnread} of its length is reported instead. A plain
     * {@link SendCompletion} given to {@link #sendFileRegion} means: always read back.
     */
    interface RegionCompletion extends SendCompletion {
        /** Asked once per region, just before it is reported and {@link #completed} told. */
        boolean readBack();
    }

    /** Marks a send the application made on its own (an echo, an auto-reply) rather than the user. */
    interface Automatic extends SendCompletion {
        @Override
        default void completed(boolean written) {
        }
    }
}
