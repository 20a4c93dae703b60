package io.socketdeck.core.tcp;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.framing.HoldBudget;
import java.util.Objects;

/**
 * A TCP session's framing: what its connections cut their reads into, changed from any thread
 * while connected, and the budget all its framers share. A connection picks a change up on its
 * loop thread (see {@link ConnectionFramer#takeUpChange()}), handing over the frame it had begun.
 */
final class ReceiveFraming {

    private final HoldBudget budget = HoldBudget.unshared();
    private volatile Framing current = Framing.AsRead.INSTANCE;

    Framing current() {
        return current;
    }

    void set(Framing framing) {
        current = Objects.requireNonNull(framing, "framing");
    }

    HoldBudget budget() {
        return budget;
    }
}
