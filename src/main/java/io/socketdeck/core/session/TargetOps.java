package io.socketdeck.core.session;

import io.socketdeck.core.session.SendTarget.SendCompletion;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * What a session's send target does on the loop thread (see {@link SendTarget} and
 * {@link AbstractLoopSession#targetOf}): the session wraps it so that sends from any thread reach
 * it in order, and stop with the session.
 */
public interface TargetOps {

    void send(byte[] bytes, SendCompletion done);

    /** The peers a send still waits for, to name them when it is slow. */
    default List<InetSocketAddress> waitingOn() {
        return List.of();
    }

    default boolean canSkip() {
        return false;
    }

    default boolean sendsFileRegions() {
        return false;
    }

    default void sendFileRegion(FileChannel file, long position, int length, SendCompletion done) {
        throw new UnsupportedOperationException("this target sends arrays only");
    }

    /** Leaves {@code peer} out of the sends from now on; false when it cannot. */
    default boolean skip(InetSocketAddress peer) {
        return false;
    }
}
