package io.socketdeck.core.session;

/**
 * A session that can answer a message where it came from: the client's server, the server's
 * client that sent it, the UDP sender. Called on the session's I/O thread, from inside the
 * listener that received {@code request}; the answer goes out as an automatic send (its TX event
 * says so) and is counted like any other.
 */
public interface Replies {

    /** Sends {@code bytes} to the peer {@code request} came from; nothing when it has gone. */
    void reply(SessionEvent.Data request, byte[] bytes);

    /**
     * The same after {@code delayNanos}, on the session's thread; nothing once the session has
     * ended. A reply beyond what a session lets wait for its delay is not sent, and reported.
     */
    void replyAfter(long delayNanos, SessionEvent.Data request, byte[] bytes);

    /**
     * A count of answers refused, told as the session tells its own ({@link BurstReport}): once a
     * burst, with its first as {@code first} says, and what is not told yet when the session ends
     * told then. On the session's I/O thread.
     */
    BurstReport burstReport(BurstReport.First first, BurstReport.Report report);
}
