package io.socketdeck.core.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenderHistoryTest {

    private static InetSocketAddress port(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Test
    void keepsDistinctSendersNewestFirstUpToItsCapacity() {
        SenderHistory history = new SenderHistory(3);
        assertNull(history.last());
        assertEquals(List.of(), history.recent());

        history.saw(port(1));
        history.saw(port(2));
        history.saw(port(2));
        assertEquals(List.of(port(2), port(1)), history.recent());
        history.saw(port(1));
        assertEquals(List.of(port(1), port(2)), history.recent(), "a returning sender moves to the front");
        history.saw(port(3));
        history.saw(port(4));
        assertEquals(List.of(port(4), port(3), port(1)), history.recent(), "the oldest falls off");
        history.saw(port(3));
        assertEquals(List.of(port(3), port(4), port(1)), history.recent());
        assertEquals(port(3), history.last());
    }

    @Test
    void theVersionMovesOnlyWhenTheListChanges() {
        SenderHistory history = new SenderHistory(4);
        history.saw(port(1));
        long version = history.version();
        history.saw(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1)); // same sender, new object
        assertEquals(version, history.version());
        history.saw(port(2));
        assertEquals(version + 1, history.version());
    }
}
