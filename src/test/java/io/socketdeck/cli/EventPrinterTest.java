package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.Unsent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code closed} line says what the end left unsent, for people and in JSON; nothing more when nothing. */
class EventPrinterTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 7000);

    private static String closed(boolean json, Unsent unsent) {
        StringWriter out = new StringWriter();
        new EventPrinter(new PrintWriter(out), json, ShowMode.TEXT, StandardCharsets.UTF_8)
                .closed(new SessionEvent.Disconnected(0, PEER, CloseReason.RESET, 1, unsent));
        return out.toString().strip();
    }

    @Test
    void anEndThatCutASendOffSaysWhatItLeftUnsent() {
        Unsent unsent = new Unsent(4, 62_952_027, 4_157_547, 67_108_864);
        assertTrue(closed(false, unsent).endsWith(" closed 127.0.0.1:7000 reset unsent 4 sends 62952027 B"
                + " cut after 4157547 of 67108864 B"), closed(false, unsent));
        assertTrue(closed(true, unsent).endsWith("\"event\":\"closed\",\"peer\":\"127.0.0.1:7000\",\"reason\":\"reset\","
                + "\"unsentSends\":4,\"unsentBytes\":62952027,\"cutAfter\":4157547,\"cutLength\":67108864}"),
                closed(true, unsent));
    }

    @Test
    void anEndThatLeftNothingIsTheLineItWas() {
        assertTrue(closed(false, Unsent.NONE).endsWith(" closed 127.0.0.1:7000 reset"), closed(false, Unsent.NONE));
        assertEquals(-1, closed(true, Unsent.NONE).indexOf("unsent"));
    }
}
