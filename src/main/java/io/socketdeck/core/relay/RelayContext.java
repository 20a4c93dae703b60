package io.socketdeck.core.relay;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.BurstReport;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/** What the connections of a relay share with their session; loop thread only. */
interface RelayContext {

    LegSettings settings(Leg leg);

    /** True while the user holds all forwarding. */
    boolean held();

    SelectorLoop.Timer schedule(long delayNanos, Runnable task);

    void emit(SessionEvent event);

    /** A count told once a burst, and at the relay's end if not yet told (the session's). */
    BurstReport burstReport(BurstReport.Report report);

    TrafficCounters counters();

    RelayOptions options();

    /** What all the connections' legs may hold together. */
    RelayBudget budget();

    /** One read buffer for all connections: the loop reads one at a time. */
    ByteBuffer readBuffer();

    SplittableRandom random();

    /** A connection arrived, changed state or left: the table's version moves. */
    void changed();

    /** A connection (a UDP flow) arrived. */
    void added(RelayLink link);

    /** The connection has ended and reported it. */
    void removed(RelayLink link);

    /**
     * A connection that threw an {@link Error} has reported it and closed: the relay ends too,
     * with {@code Closed(ERROR)}.
     */
    void crashed(Error error);

    /** Counts bytes read each way over all connections. */
    void read(Leg leg, int bytes);
}
