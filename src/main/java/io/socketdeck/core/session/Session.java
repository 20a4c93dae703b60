package io.socketdeck.core.session;

/**
 * One TCP client connection, TCP server or UDP socket, driven by the thread that calls
 * {@link #run()}. The UI runs it inside a background task, a command-line mode on its own
 * thread, tests on a plain thread: the engine does not care who owns the thread.
 *
 * <p>Every method but {@code run} is thread-safe and never blocks on the network.
 */
public interface Session {

    /**
     * Opens the socket and does all of this session's I/O on the calling thread until the
     * session is closed or fails. Never throws for network faults: they are reported as
     * {@link SessionEvent.Failure} events, and the last event is always {@link SessionEvent.Closed}.
     */
    void run();

    /** Closes the session; safe to call from any thread, any number of times, before or during run. */
    void close();

    /** Counters this session adds to; they may be shared with other sessions of the same tab. */
    TrafficCounters counters();

    /** True from the moment the socket is usable until it is closed. */
    boolean isOpen();
}
