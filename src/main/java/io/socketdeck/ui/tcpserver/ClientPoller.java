package io.socketdeck.ui.tcpserver;

import io.socketdeck.core.tcp.ClientSnapshot;
import io.socketdeck.core.tcp.TcpServerSession;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Reads a server's client snapshot a few times a second and hands it to the FX thread: one
 * hand-over per tick, whatever the number of clients or packets. The snapshot is built off the
 * FX thread, and a tick is skipped while the previous one waits to be applied. A background
 * timer rather than a JavaFX Timeline, because a running animation keeps the window pulsing at
 * full rate and an idle server should cost nothing.
 */
final class ClientPoller {

    static final long PERIOD_MILLIS = 500;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "socketdeck-client-poller");
        thread.setDaemon(true);
        return thread;
    });

    private final Consumer<List<ClientSnapshot>> onFx;
    private final AtomicBoolean handOverPending = new AtomicBoolean();
    private ScheduledFuture<?> ticks;

    ClientPoller(Consumer<List<ClientSnapshot>> onFx) {
        this.onFx = onFx;
    }

    void start(TcpServerSession session) {
        stop();
        ticks = TIMER.scheduleAtFixedRate(() -> poll(session), PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }

    private void poll(TcpServerSession session) {
        if (!handOverPending.compareAndSet(false, true)) {
            return;
        }
        List<ClientSnapshot> snapshot = session.clients();
        Platform.runLater(() -> {
            handOverPending.set(false);
            onFx.accept(snapshot);
        });
    }
}
