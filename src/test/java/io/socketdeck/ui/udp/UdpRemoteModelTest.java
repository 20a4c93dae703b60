package io.socketdeck.ui.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.core.udp.UdpTarget;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PortZeroDatagrams;
import io.socketdeck.ui.common.I18n;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where Send goes, without a window: the typed remote or the last sender. */
class UdpRemoteModelTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("udp-remote-model-test"));

    @BeforeAll
    static void english() {
        I18n.register(UdpRemoteModel.class.getPackageName() + ".messages"); // as the UDP tab's kind does
        I18n.use(Locale.ENGLISH);
    }

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    /**
     * Replying to a last sender on port 0 (a raw socket's datagram) threw out of the send button:
     * no datagram can go to port 0. Now the send box says so, and nothing is sent.
     */
    @Test
    void replyingToASenderOnPortZeroSaysWhyInsteadOfThrowing() throws Exception {
        assumeTrue(PortZeroDatagrams.permitted(), "raw sockets (root) and python3");
        RecordingListener events = new RecordingListener();
        UdpSession udp = new UdpSession(UdpOptions.bind(InetAddress.getLoopbackAddress(), 0), events,
                new TrafficCounters(), loops.next());
        udp.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        PortZeroDatagrams.send(address, "hello".getBytes(StandardCharsets.US_ASCII), 1);
        Await.until(() -> udp.senders().last() != null, TIMEOUT, "the sender is known");

        UdpRemoteModel model = new UdpRemoteModel();
        model.replyToSenderProperty().set(true);
        model.follow(udp.senders());
        List<Supplier<String>> said = new ArrayList<>();
        Optional<UdpTarget> target = model.target(ip -> true, "127.0.0.1", said::add);

        assertTrue(target.isEmpty(), "nothing to send to");
        assertEquals(1, said.size());
        assertEquals("The last sender, 127.0.0.1:0, sent from port 0 (a raw socket): nothing can be sent back to"
                + " port 0. Pick another sender or type the remote.", said.get(0).get());
    }
}
