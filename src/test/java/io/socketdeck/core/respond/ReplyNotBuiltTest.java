package io.socketdeck.core.respond;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.session.BurstReport;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.Replies;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.text.Language;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.UdpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
    /** Requests in a burst, all sent at once. */
    private static final long BURST = 6;

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

    /**
     * The first was told at once and the rest of its second were counted for the next row, which
     * came only with a next failure a second later: a burst that then stopped was never told, not
     * even when the session closed. Every one is now told: the first at once, the rest a second
     * later or at the end.
     */
    @Test
    void aBurstOfRepliesNotBuiltIsToldInFullWhenTheSessionCloses() throws Exception {
        UdpSession udp = sessionWithABadRule();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (UdpProbe device = UdpProbe.bind()) {
            sendBad(device, address, BURST);
            assertEquals(Long.valueOf(1), notBuiltCounts().stream().findFirst().orElse(null),
                    "the first is told at once, alone");
            udp.close();
            events.awaitClosed();
        }
        assertEquals(BURST, notBuiltCounts().stream().mapToLong(Long::longValue).sum(),
                "replies not built told by the session's end, in " + notBuiltCounts());
    }

    @Test
    void aBurstOfRepliesNotBuiltIsToldInFullASecondLater() throws Exception {
        UdpSession udp = sessionWithABadRule();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (UdpProbe device = UdpProbe.bind()) {
            sendBad(device, address, BURST);
            Await.until(() -> notBuiltCounts().stream().mapToLong(Long::longValue).sum() == BURST, TIMEOUT,
                    () -> BURST + " replies not built told, in " + notBuiltCounts());
        } finally {
            udp.close();
        }
    }

    /** The rows themselves, on a stand-in session whose periods the test ends. */
    @Test
    void theRestOfABurstIsOneRowAPeriodLaterNamingTheRuleAndHowMany() {
        List<Runnable> periods = new ArrayList<>();
        Responder responder = new Responder(events, () -> StandardCharsets.US_ASCII, () -> 0);
        Rule setRegister = new Rule(true, Rule.Match.REGEX, "SET (\\w+)", QuickCommand.hex("set", "06 $1"), 0);
        responder.setRules(RuleSet.of(List.of(setRegister)), true);
        responder.answerThrough(new Replies() {
            @Override
            public void reply(SessionEvent.Data request, byte[] bytes) {
                throw new AssertionError("answered");
            }

            @Override
            public void replyAfter(long delayNanos, SessionEvent.Data request, byte[] bytes) {
                throw new AssertionError("answered");
            }

            @Override
            public BurstReport burstReport(BurstReport.First first, BurstReport.Report report) {
                return new BurstReport((delayNanos, task) -> periods.add(task), first, report);
            }
        });
        InetSocketAddress device = new InetSocketAddress(LOOPBACK, 5020);
        for (int i = 0; i < BURST; i++) {
            responder.onEvent(new SessionEvent.Data(0, Direction.RX, device, ascii("SET z" + i)));
        }
        List<SessionEvent.Failure> rows = events.all(SessionEvent.Failure.class);
        assertEquals(1, rows.size(), "the first at once, the rest waiting for the period's end: " + rows);
        assertEquals("Auto-reply rule \u201cset\u201d matched a message from 127.0.0.1:5020 but could not build its"
                + " reply from it; nothing was answered. Not a hex digit at character 4: \u201cz\u201d.",
                EventTexts.failure(rows.get(0)));

        periods.get(0).run();
        rows = events.all(SessionEvent.Failure.class);
        assertEquals(2, rows.size(), "the rest, in one row: " + rows);
        assertEquals("Auto-reply rule \u201cset\u201d matched a message from 127.0.0.1:5020 but could not build its"
                + " reply from it, 5 times since the last row; nothing was answered."
                + " Not a hex digit at character 4: \u201cz\u201d.", EventTexts.failure(rows.get(1)));
    }

    /** A UDP session, started, whose only rule matches "SET x" and cannot build "06 x" from "zz". */
    private UdpSession sessionWithABadRule() {
        Responder responder = new Responder(events, () -> StandardCharsets.US_ASCII, () -> 0);
        Rule setRegister = new Rule(true, Rule.Match.REGEX, "SET (\\w+)", QuickCommand.hex("set", "06 $1"), 0);
        responder.setRules(RuleSet.of(List.of(setRegister)), true);
        UdpSession udp = new UdpSession(UdpOptions.bind(LOOPBACK, 0), SessionListener.all(List.of(events, responder)),
                new TrafficCounters(), loops.next());
        responder.answerThrough(udp);
        udp.start();
        return udp;
    }

    /** Sends {@code count} requests whose reply cannot be built and waits until the session has read them all. */
    private void sendBad(UdpProbe device, InetSocketAddress to, long count) throws Exception {
        for (int i = 0; i < count; i++) {
            device.send(ascii("SET zz"), to);
        }
        // The responder comes after the recorder, on the same thread: once the recorder has the
        // last, the responder has had all before it, and a close asked now comes after it too.
        Await.until(() -> events.all(SessionEvent.Data.class).size() == count, TIMEOUT,
                () -> count + " requests read, in " + events.events());
    }

    /** The counts of the REPLY_NOT_BUILT rows so far, in order. */
    private List<Long> notBuiltCounts() {
        return events.all(SessionEvent.Failure.class).stream()
                .filter(failure -> failure.kind() == FailureKind.REPLY_NOT_BUILT)
                .map(failure -> Long.parseLong(failure.detail().split("\n")[1]))
                .toList();
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
