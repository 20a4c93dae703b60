package io.socketdeck.core.session;

/**
 * One TCP client connection, TCP server or UDP socket. A session made without a loop has one of
 * its own, driven by the thread that calls {@link #run()}: the UI runs it inside a background
 * task, a command-line mode on its own thread, tests on a plain thread. A session given a shared
 * loop is {@link #start()}ed instead, and its I/O runs on that loop's thread.
 *
 * <p>Every method but {@code run} is thread-safe and never blocks on the network. Network faults
 * are never thrown: they are reported as {@link SessionEvent.Failure} events, and the last event
 * is always {@link SessionEvent.Closed}, exactly once.
 */
public interface Session {

    /**
     * Opens a session given a shared loop, on that loop, and returns at once.
     *
     * @throws IllegalStateException when started before, or when the session has its own loop
     */
    void start();

    /**
     * Opens the socket and does all of this session's I/O on the calling thread until the
     * session is closed or fails.
     *
     * @throws IllegalStateException when run before, or when the session was given a shared loop
     */
    void run();

    /** Closes the session; safe to call from any thread, any number of times, before or during run. */
    void close();

    /** Counters this session adds to; they may be shared with other sessions of the same tab. */
    TrafficCounters counters();

    /** True from the moment the socket is usable until it is closed. */
    boolean isOpen();
}
