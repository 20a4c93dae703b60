package io.socketdeck.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SwitchableListenerTest {

    @Test
    void forwardsToWhateverIsInTheSlotNow() {
        SwitchableListener slot = new SwitchableListener();
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        SessionEvent a = new SessionEvent.Closed(1, CloseReason.LOCAL);
        SessionEvent b = new SessionEvent.Closed(2, CloseReason.PEER);
        SessionEvent c = new SessionEvent.Closed(3, CloseReason.RESET);

        slot.onEvent(a); // empty: dropped
        slot.set(first);
        slot.onEvent(b);
        slot.set(second);
        slot.onEvent(c);
        slot.set(null);
        slot.onEvent(a);

        assertEquals(List.of(b), first.events());
        assertEquals(List.of(c), second.events());
        assertNull(slot.get());
    }
}
