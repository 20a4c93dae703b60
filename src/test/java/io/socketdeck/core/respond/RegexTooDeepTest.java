package io.socketdeck.core.respond;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.text.Language;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.testsupport.UdpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * java.util.regex recurses once per repetition of a group, so an ordinary rule such as
 * {@code (\d+,)*\d+} throws StackOverflowError on one long enough message. It went up from the
 * rule to the connection, which takes an Error for a reason to end its whole session: one
 * message stopped the server (every client disconnected) or ended the UDP socket. Now the rule
 * is taken as not matching that message, a row names it, and everything goes on.
 */
class RegexTooDeepTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /**
     * A list of numbers of 60,000 bytes: fits one datagram, and 30,000 repetitions of the group
     * are far beyond what a thread's stack takes (about 2,500 overflow a default stack before
     * the JIT compiles the matcher, and compiled frames are not ten times smaller).
     */
    private static final byte[] LONG_LIST = "1,".repeat(30_000).getBytes(StandardCharsets.US_ASCII);

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("regex-too-deep-test"));
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Answers a list of numbers with ACK; its regex repeats a group, once per number. */
    private static Rule numbers() {
        return new Rule(true, Rule.Match.REGEX, "(\\d+,)*\\d+", QuickCommand.text("numbers", "ACK"), 0);
    }

    /** A responder answering with {@code rules}, chained after the recorder as a tab chains them. */
    private Responder responder(Rule... rules) {
        Responder responder = new Responder(events, () -> StandardCharsets.US_ASCII, () -> 0);
        responder.setRules(RuleSet.of(List.of(rules)), true);
        return responder;
    }

    @Test
    void oneLongMessageSkipsTheRuleAndTheServerKeepsEveryClient() throws Exception {
        Responder responder = responder(numbers());
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0),
                SessionListener.all(List.of(events, responder)), new TrafficCounters(), loops.next());
        server.setFraming(new Framing.Delimiter(ascii("\n"), false)); // the long list is one message, however read
        responder.answerThrough(server);
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe bystander = TcpProbe.connect(address); TcpProbe sender = TcpProbe.connect(address)) {
            sender.send(ascii("1,2,3\n"));
            assertEquals("ACK", sender.readUtf8("ACK", TIMEOUT), "the rule answers an ordinary list");

            byte[] longLine = new byte[LONG_LIST.length + 1];
            System.arraycopy(LONG_LIST, 0, longLine, 0, LONG_LIST.length);
            longLine[LONG_LIST.length] = '\n';
            sender.send(longLine);

            SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.RULE_TOO_DEEP, failure.kind(), failure.toString());
            assertEquals("numbers", failure.detail().lines().findFirst().orElseThrow(), "the row names the rule");
            assertEquals(sender.localAddress(), failure.peer());

            sender.send(ascii("4,5\n"));
            assertEquals("ACK", sender.readUtf8("ACK", TIMEOUT), "the sender is still connected and answered");
            bystander.send(ascii("6\n"));
            assertEquals("ACK", bystander.readUtf8("ACK", TIMEOUT), "the other client is still connected and answered");
            assertTrue(server.isOpen(), "the server is still open");
            assertEquals(2, server.clientCount());
            assertTrue(events.all(SessionEvent.Disconnected.class).isEmpty(), events.events().toString());
            assertEquals(1, events.all(SessionEvent.Failure.class).size(), "one row: " + events.all(SessionEvent.Failure.class));
        }
    }

    @Test
    void oneLongDatagramSkipsTheRuleAndTheUdpSocketStaysOpen() throws Exception {
        Responder responder = responder(numbers());
        UdpSession udp = new UdpSession(UdpOptions.bind(LOOPBACK, 0), SessionListener.all(List.of(events, responder)),
                new TrafficCounters(), loops.next());
        responder.answerThrough(udp);
        udp.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (UdpProbe device = UdpProbe.bind()) {
            device.send(LONG_LIST, address);

            SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.RULE_TOO_DEEP, failure.kind(), failure.toString());
            assertEquals(device.address(), failure.peer());

            device.send(ascii("1,2"), address);
            assertArrayEquals(ascii("ACK"), device.receive(TIMEOUT).bytes(), "the socket still answers");
            assertTrue(udp.isOpen());
        } finally {
            udp.close();
        }
    }

    /** The rule that could not check a message is passed over: the next one that matches answers. */
    @Test
    void theNextRuleAnswersAMessageTheFirstCouldNotCheck() throws Exception {
        RuleSet rules = RuleSet.of(List.of(numbers(),
                new Rule(true, Rule.Match.STARTS_WITH, "1,", QuickCommand.text("list", "LIST"), 0)));
        List<String> tooDeep = new ArrayList<>();
        RuleSet.Answer[] answer = new RuleSet.Answer[1];
        // A small stack of its own: the overflow does not depend on how the JIT compiled the matcher.
        Thread small = new Thread(null, () -> answer[0] = rules.answer(LONG_LIST, StandardCharsets.US_ASCII, () -> 0,
                tooDeep::add), "small-stack", 256 * 1024);
        small.start();
        small.join(TIMEOUT.toMillis());
        assertEquals(List.of("numbers"), tooDeep);
        assertArrayEquals(ascii("LIST"), answer[0].bytes());
        assertEquals(0, rules.hits(0), "no hit for the rule that could not check it");
        assertEquals(1, rules.hits(1));
    }

    @Test
    void theRowSaysWhichRuleWasSkippedInEitherLanguage() {
        SessionEvent.Failure row = new SessionEvent.Failure(0, FailureKind.RULE_TOO_DEEP,
                new InetSocketAddress(LOOPBACK, 5020), "numbers\n1\n60000", 7);
        SessionEvent.Failure burst = new SessionEvent.Failure(0, FailureKind.RULE_TOO_DEEP,
                new InetSocketAddress(LOOPBACK, 5020), "numbers\n1200\n60000", 7);
        Locale before = Language.current();
        try {
            Language.use(Locale.ENGLISH);
            assertEquals("Auto-reply rule \u201cnumbers\u201d was skipped: its regular expression repeats a group"
                    + " more often than the stack allows, on a message of 60,000 bytes from 127.0.0.1:5020"
                    + " (a character class such as [0-9,]* has no such limit)", EventTexts.failure(row));
            assertTrue(EventTexts.failure(burst).startsWith("Auto-reply rule \u201cnumbers\u201d was skipped 1,200 times"
                    + " since the last row:"), EventTexts.failure(burst));
            Language.use(Locale.SIMPLIFIED_CHINESE);
            String chinese = EventTexts.failure(burst);
            assertTrue(chinese.contains("自动应答规则\u201cnumbers\u201d") && chinese.contains("1,200"), chinese);
        } finally {
            Language.use(before);
        }
    }
}
