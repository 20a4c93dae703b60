package io.socketdeck.cli;

import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What went through a command's session, for its summary: messages are the data lines printed
 * (reads or frames, datagrams, sends), bytes their sizes, clients the connections a server
 * accepted or the senders a UDP socket heard from. Counted on the I/O thread, read from any.
 */
final class TrafficTally implements SessionListener {

    /** What a summary says; {@code clients} is -1 where there are none to count (a send). */
    record Totals(long clients, long rxBytes, long rxMessages, long txBytes, long txMessages) {
    }

    /** What is counted as clients. */
    enum Clients {
        NONE, CONNECTIONS, SENDERS
    }

    private final Clients clients;
    private final AtomicLong clientCount = new AtomicLong();
    private final AtomicLong rxBytes = new AtomicLong();
    private final AtomicLong rxMessages = new AtomicLong();
    private final AtomicLong txBytes = new AtomicLong();
    private final AtomicLong txMessages = new AtomicLong();
    /** I/O thread only. */
    private final Set<InetSocketAddress> senders = new HashSet<>();

    TrafficTally(Clients clients) {
        this.clients = clients;
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Data data) {
            if (data.direction() == Direction.RX) {
                rxBytes.addAndGet(data.bytes().length);
                rxMessages.incrementAndGet();
                if (clients == Clients.SENDERS && senders.add(data.peer())) {
                    clientCount.incrementAndGet();
                }
            } else {
                txBytes.addAndGet(data.bytes().length);
                txMessages.incrementAndGet();
            }
        } else if (event instanceof SessionEvent.Connected && clients == Clients.CONNECTIONS) {
            clientCount.incrementAndGet();
        }
    }

    long rxMessages() {
        return rxMessages.get();
    }

    Totals totals() {
        return new Totals(clients == Clients.NONE ? -1 : clientCount.get(), rxBytes.get(), rxMessages.get(),
                txBytes.get(), txMessages.get());
    }
}
