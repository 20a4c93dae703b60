package io.socketdeck.ui.tab;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.send.SendTargetChoice;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What a tab's session listener sends where: traffic (bytes, including a file's bytes sent
 * without being read back) wakes the counters and goes to the rows, never to the state channel,
 * which is never dropped and must not fill with thousands of them.
 */
@ExtendWith(ApplicationExtension.class)
class TabTrafficRoutingTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 4000);

    @Test
    void trafficWakesTheTabAndOnlyStateReachesTheStateChannel() {
        TabTraffic traffic = onFx(() -> new TabTraffic(new UiTick(), () -> SendTargetChoice.none(() -> "none"), false));
        List<SessionEvent> state = new CopyOnWriteArrayList<>();
        AtomicInteger woken = new AtomicInteger();
        SessionListener listener = traffic.newSessionListener(state::add, false, woken::incrementAndGet);

        SessionEvent.Connected connected = new SessionEvent.Connected(1, LOCAL, PEER, 1);
        listener.onEvent(connected);
        listener.onEvent(new SessionEvent.Data(2, Direction.TX, PEER, new byte[] {1, 2}, 1));
        listener.onEvent(new SessionEvent.SentUnread(3, PEER, 65_536, 1));
        listener.onEvent(new SessionEvent.Data(4, Direction.RX, PEER, new byte[] {3}, 1));

        assertEquals(List.of(connected), state);
        assertEquals(3, woken.get(), "each data event wakes the tab");
        awaitFx(() -> traffic.log().entries().size() == 3, "rows: the connect, the send, the read; none for unread bytes");
        runFx(traffic::shutdown);
    }
}
