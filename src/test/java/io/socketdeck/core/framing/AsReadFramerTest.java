package io.socketdeck.core.framing;

import static io.socketdeck.core.framing.Reads.feed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class AsReadFramerTest {

    private final Framer framer = Framing.AsRead.INSTANCE.newFramer(HoldBudget.unshared());
    private final Recorder sink = new Recorder();

    @Test
    void eachReadIsOneFrameWhateverItHolds() {
        feed(framer, "a\nb", sink);
        feed(framer, "\r\n", sink);
        assertEquals(List.of("a\nb", "\r\n"), sink.texts());
    }

    @Test
    void anEmptyReadIsNoFrame() {
        feed(framer, "", sink);
        assertEquals(List.of(), sink.texts());
    }

    @Test
    void nothingIsEverHeldAndThereIsNoGap() {
        feed(framer, "abc", sink);
        assertEquals(0, framer.held());
        assertNull(framer.flush());
        assertEquals(0, framer.idleGapNanos());
    }
}
