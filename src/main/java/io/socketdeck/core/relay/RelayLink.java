package io.socketdeck.core.relay;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Leg;

/** One relayed connection (TCP) or flow (UDP), as its session sees it. */
interface RelayLink {

    long id();

    /** Its row for the table; any thread. */
    RelayConnection snapshot();

    /** Bytes read but not delivered yet, both legs; any thread. */
    long heldBytes();

    /** What those bytes cost, both legs: the bytes and each chunk's overhead. Loop thread. */
    long heldCost();

    /** Hold, stall or faults changed: deliver what may go now. Loop thread. */
    void kick();

    /** Sends {@code bytes} into {@code leg} as if its source had sent them. Loop thread. */
    void inject(Leg leg, byte[] bytes);

    /** True once it has ended. */
    boolean isClosed();

    /** Ends it (FIN both ways) and reports {@code Disconnected(reason)}. Loop thread. */
    void close(CloseReason reason);
}
