package io.socketdeck.core.tcp;

import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.LowPorts;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Child-JVM half of the permission test: listens on 127.0.0.1:1 and prints what the session
 * reported, one line: the failure kind, or OPENED.
 */
public final class LowPortListen {

    private LowPortListen() {
    }

    public static void main(String[] args) {
        AtomicReference<String> outcome = new AtomicReference<>("NOTHING");
        AtomicReference<TcpServerSession> self = new AtomicReference<>();
        TcpServerSession session = new TcpServerSession(
                TcpServerOptions.of(InetAddress.getLoopbackAddress(), LowPorts.PRIVILEGED_PORT),
                event -> {
                    if (event instanceof SessionEvent.Failure failure) {
                        outcome.set(failure.kind().name());
                    } else if (event instanceof SessionEvent.Opened) {
                        outcome.set("OPENED");
                        self.get().close(); // the privilege was there after all: stop at once
                    }
                },
                new TrafficCounters());
        self.set(session);
        session.run();
        System.out.println(outcome.get());
    }
}
