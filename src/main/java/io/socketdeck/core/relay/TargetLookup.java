package io.socketdeck.core.relay;

import io.socketdeck.core.session.FailureKind;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/** Finds the target's address for one connection or flow, at once or later on the loop. */
@FunctionalInterface
interface TargetLookup {

    void resolve(Consumer<InetSocketAddress> found, Failed failed);

    /** Told that the target could not be found. */
    @FunctionalInterface
    interface Failed {
        void failed(FailureKind kind, String detail);
    }
}
