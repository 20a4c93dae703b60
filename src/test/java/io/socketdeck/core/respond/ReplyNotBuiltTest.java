package io.socketdeck.core.respond;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.text.Language;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.testsupport.UdpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rule that matches but cannot build its reply from the message (a group's text in a hex
 * reply) answered nothing and said nothing: the user saw no reply and no reason, and with echo on
 * the message was echoed as if no rule had matched. Now nothing is sent and a row says why.
 */
class ReplyNotBuiltTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("reply-not-built-test"));
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aReplyThatCannotBeBuiltIsToldAndNeitherSentNorEchoed() throws Exception {
        Responder responder = new Responder(events, () -> StandardCharsets.US_ASCII, () -> 0);
        responder.setEcho(true);
        Rule setRegister = new Rule(true, Rule.Match.REGEX, "SET (\\w+)", QuickCommand.hex("set", "06 $1"), 0);
        responder.setRules(RuleSet.of(List.of(setRegister)), true);
        UdpSession udp = new UdpSession(UdpOptions.bind(LOOPBACK, 0), SessionListener.all(List.of(events, responder)),
                new TrafficCounters(), loops.next());
        responder.answerThrough(udp);
        udp.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (UdpProbe device = UdpProbe.bind()) {
            device.send(ascii("SET zz"), address); // "06 zz" is no hex
            SessionEvent.Failure told = events.await(SessionEvent.Failure.class,
                    failure -> failure.kind() == FailureKind.REPLY_NOT_BUILT);
            assertEquals(device.address(), told.peer());
            assertEquals("Auto-reply rule \u201cset\u201d matched a message from " + told.peer().getAddress().getHostAddress()
                    + ":" + device.port() + " but could not build its reply from it; nothing was answered."
                    + " Not a hex digit at character 4: \u201cz\u201d.", EventTexts.failure(told));

            device.send(ascii("SET 0A"), address);
            // The first datagram back is the good request's answer: the bad one was neither answered nor echoed.
            assertArrayEquals(HexFormat.of().parseHex("060a"), device.receive(TIMEOUT).bytes());
        }
    }

    @Test
    void manyRepliesNotBuiltInASecondAreCountedInTheNextRowInEitherLanguage() {
        SessionEvent.Failure burst = new SessionEvent.Failure(0, FailureKind.REPLY_NOT_BUILT,
                new InetSocketAddress(LOOPBACK, 5020), "set\n1200\nHEX_INVALID_CHARACTER\n3\nz\n", 7);
        Locale before = Language.current();
        try {
            Language.use(Locale.ENGLISH);
            assertEquals("Auto-reply rule \u201cset\u201d matched a message from 127.0.0.1:5020 but could not build its"
                    + " reply from it, 1,200 times since the last row; nothing was answered."
                    + " Not a hex digit at character 4: \u201cz\u201d.", EventTexts.failure(burst));
            Language.use(Locale.SIMPLIFIED_CHINESE);
            String chinese = EventTexts.failure(burst);
            assertTrue(chinese.startsWith("自动应答规则\u201cset\u201d匹配了来自 127.0.0.1:5020 的消息") && chinese.contains("1,200"),
                    chinese);
        } finally {
            Language.use(before);
        }
    }
}
