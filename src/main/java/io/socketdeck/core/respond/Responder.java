package io.socketdeck.core.respond;

import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.session.BurstReport;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Replies;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Answers received messages on the session's I/O thread, as the tab asks: the first enabled
 * auto-reply rule that matches a message (a read, a frame, a datagram) answers it; with echo on,
 * a message no rule answered goes back unchanged to where it came from. It must be the
 * last of a session's listeners, so the request's row and capture come before the answer's.
 *
 * <p>Two echoing peers (two SocketDeck windows, or an echo server) would answer each other for
 * ever, as fast as the loopback goes. A run of {@value #LOOP_RUN} messages from one peer, each
 * equal to our own last answer to it, within a second, is taken for such a loop: answers to that
 * peer stop for {@value #PAUSE_SECONDS} s, with one error event, which ends the ping-pong. A
 * device repeating the same request a few times a second is far from that.
 */
public final class Responder implements SessionListener {

    static final int LOOP_RUN = 1000;
    static final long LOOP_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final int PAUSE_SECONDS = 2;
    /** Peers remembered for the loop guard: a UDP port may hear from any number of senders. */
    private static final int MAX_PEERS = 1024;

    private final SessionListener report;
    private final Map<InetSocketAddress, LoopWatch> watches = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, LoopWatch> eldest) {
            return size() > MAX_PEERS;
        }
    };
    private final Supplier<Charset> textCharset;
    private final MacroValues counter;
    private volatile boolean echo;
    private volatile boolean rulesOn;
    private volatile RuleSet rules = RuleSet.EMPTY;
    private volatile Replies replies;
    /** I/O thread only: the replies not built through the session answered last. */
    private UnbuiltReplies unbuilt;
    /** I/O thread only: the rules skipped on a message through the session answered last. */
    private SkippedRules skipped;

    /** A responder with no rules and no counter, its text matches in UTF-8: echo only. */
    public Responder(SessionListener report) {
        this(report, () -> StandardCharsets.UTF_8, MacroValues.NONE);
    }

    /**
     * @param report      where the loop guard's event goes: the session's other listeners
     * @param textCharset the tab's encoding now: text rules match the message decoded in it
     * @param counter     the tab's counter, for {@code {{COUNTER}}} in replies
     */
    public Responder(SessionListener report, Supplier<Charset> textCharset, MacroValues counter) {
        this.report = report;
        this.textCharset = textCharset;
        this.counter = counter;
    }

    /** The rules to answer with, and whether they are on, from now on; any thread. */
    public void setRules(RuleSet set, boolean on) {
        rules = set;
        rulesOn = on;
    }

    /** The session answers go through; set once it exists. Any thread. */
    public void answerThrough(Replies session) {
        this.replies = session;
    }

    /** Echo on or off, from now on; any thread. */
    public void setEcho(boolean on) {
        echo = on;
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (!(event instanceof SessionEvent.Data data)) {
            return;
        }
        if (data.direction() == Direction.TX) {
            if (data.automatic()) {
                watch(data.peer()).lastAnswer = data.bytes(); // the event's own array: never changed
            }
            return;
        }
        Replies session = replies;
        if (session == null || !echo && !rulesOn) {
            return;
        }
        // A rule that matches answers; echo answers what no rule did.
        RuleSet.Answer answer = rulesOn ? rules.answer(data.bytes(), textCharset.get(), counter,
                ruleName -> skipped(session).add(data, ruleName)) : null;
        if (answer != null && !answer.built()) {
            unbuilt(session).add(data, answer); // a rule answered it, with nothing: no echo either
            return;
        }
        if (answer == null && !echo) {
            return;
        }
        if (!watch(data.peer()).allows(data, System.nanoTime())) {
            return;
        }
        if (answer == null) {
            session.reply(data, data.bytes());
        } else if (answer.delayNanos() == 0) {
            session.reply(data, answer.bytes());
        } else {
            session.replyAfter(answer.delayNanos(), data, answer.bytes());
        }
    }

    private LoopWatch watch(InetSocketAddress peer) {
        return watches.computeIfAbsent(peer, key -> new LoopWatch());
    }

    private UnbuiltReplies unbuilt(Replies session) {
        UnbuiltReplies through = unbuilt;
        if (through == null || through.session != session) {
            through = new UnbuiltReplies(session);
            unbuilt = through;
        }
        return through;
    }

    private SkippedRules skipped(Replies session) {
        SkippedRules through = skipped;
        if (through == null || through.session != session) {
            through = new SkippedRules(session);
            skipped = through;
        }
        return through;
    }

    /**
     * A fault of the rules on the messages of one session, told as a {@link BurstReport} with the
     * first at once: the user sees the first, its rule and reason, when it happens; the rest of its
     * second in one row a second later, or when the session ends, with how many and the last of
     * them. A device sending the same bad request 1,000 times a second gets a row a second, not a
     * thousand. I/O thread only.
     */
    private abstract class RuleFaults implements BurstReport.Report {
        final Replies session;
        private final BurstReport burst;
        /** Where the last one counted came from: the one a row describes. */
        InetSocketAddress peer;
        long connection;

        RuleFaults(Replies session) {
            this.session = session;
            this.burst = session.burstReport(BurstReport.First.AT_ONCE, this);
        }

        /** Counts one more fault, on {@code request}; its own details are set before this. */
        final void count(SessionEvent.Data request) {
            peer = request.peer();
            connection = request.connection();
            burst.add(request.bytes().length);
        }

        /** The detail is lines: a name or text with line breaks would shift the ones after it. */
        static String oneLine(String text) {
            return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
        }
    }

    /** Replies a matching rule could not build ({@link FailureKind#REPLY_NOT_BUILT}). */
    private final class UnbuiltReplies extends RuleFaults {
        private RuleSet.Answer answer;

        UnbuiltReplies(Replies session) {
            super(session);
        }

        void add(SessionEvent.Data request, RuleSet.Answer unbuilt) {
            answer = unbuilt;
            count(request);
        }

        @Override
        public void report(long count, long bytes) {
            PayloadException problem = answer.problem();
            String detail = String.join("\n", oneLine(answer.ruleName()), Long.toString(count),
                    problem.reason().name(), Integer.toString(problem.position()), oneLine(problem.offending()),
                    problem.charsetName() == null ? "" : problem.charsetName());
            report.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.REPLY_NOT_BUILT,
                    peer, detail, connection));
        }
    }

    /** Rules whose regular expression overflowed the stack on a message ({@link FailureKind#RULE_TOO_DEEP}). */
    private final class SkippedRules extends RuleFaults {
        private String ruleName;
        private int length;

        SkippedRules(Replies session) {
            super(session);
        }

        void add(SessionEvent.Data request, String rule) {
            ruleName = rule;
            length = request.bytes().length;
            count(request);
        }

        @Override
        public void report(long count, long bytes) {
            report.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.RULE_TOO_DEEP, peer,
                    String.join("\n", oneLine(ruleName), Long.toString(count), Integer.toString(length)),
                    connection));
        }
    }

    /** One peer's recent answers, for the loop guard. */
    private final class LoopWatch {
        byte[] lastAnswer;
        int run;
        long runStartNanos;
        long pausedUntilNanos;

        boolean allows(SessionEvent.Data request, long now) {
            if (pausedUntilNanos != 0) {
                if (now - pausedUntilNanos < 0) {
                    return false;
                }
                pausedUntilNanos = 0;
                run = 0;
            }
            if (lastAnswer == null || !Arrays.equals(lastAnswer, request.bytes())) {
                run = 0;
                return true;
            }
            if (run == 0 || now - runStartNanos > LOOP_WINDOW_NANOS) {
                run = 0;
                runStartNanos = now;
            }
            if (++run < LOOP_RUN) {
                return true;
            }
            pausedUntilNanos = now + TimeUnit.SECONDS.toNanos(PAUSE_SECONDS);
            report.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.REPLY_LOOP, request.peer(),
                    Integer.toString(PAUSE_SECONDS), request.connection()));
            return false;
        }
    }
}
