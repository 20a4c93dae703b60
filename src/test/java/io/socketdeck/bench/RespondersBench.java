package io.socketdeck.bench;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.log.LogIngest;
import io.socketdeck.core.respond.Responder;
import io.socketdeck.core.respond.Rule;
import io.socketdeck.core.respond.RuleSet;
import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.session.BurstReport;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.Replies;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.stats.RoundTripStats;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Request/response through an auto-reply rule against the strongest plain way to answer: a peer
 * in another process sends one 32-byte line and waits for the answer line, again and again (see
 * {@link RrPeer}). The baseline is a plain Java echo loop on a blocking socket; the engine is the
 * real server session with framing by {@code \n}, the log's ingest, the round-trip statistics and
 * one regex rule that answers. Rounds alternate; medians. Also: 100 regex rules of which only
 * the last matches, in process.
 */
final class RespondersBench {

    private static final long ROUND_MILLIS = Bench.millis(3_000);
    private static final int ROUNDS = Bench.rounds(5);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private RespondersBench() {
    }

    /** One round's figures: transactions a second, the peer's own p50 and p99 in ns, our thread's CPU per transaction. */
    private record Round(double perSecond, long peerP50, long peerP99, long cpuNanosPerTransaction) {
    }

    /** CPU time of this JVM's threads whose names start with {@code prefix}, in ns. */
    private static long cpuOf(String prefix) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0 && info.getThreadName().startsWith(prefix)) {
                total += cpu;
            }
        }
        return total;
    }

    static void run() throws Exception {
        List<Round> plain = new ArrayList<>();
        List<Round> rule = new ArrayList<>();
        RoundTripStats tabStats = new RoundTripStats();
        for (int i = 0; i < ROUNDS; i++) {
            plain.add(plainRound());
            rule.add(ruleRound(tabStats));
        }
        double plainRate = median(plain.stream().mapToDouble(Round::perSecond).toArray());
        double ruleRate = median(rule.stream().mapToDouble(Round::perSecond).toArray());
        double peerP50 = median(rule.stream().mapToDouble(Round::peerP50).toArray());
        RoundTripStats.Summary tab = tabStats.summary();
        Figures.note(String.format("rr rounds: plain %s, rule %s (transactions/s); the peer's p50 plain %s, rule %s us;"
                        + " our thread's CPU per transaction plain %s, rule %s ns; the tab's round trips: %d",
                rates(plain), rates(rule), Arrays.toString(plain.stream().mapToLong(r -> r.peerP50() / 1000).toArray()),
                Arrays.toString(rule.stream().mapToLong(r -> r.peerP50() / 1000).toArray()),
                Arrays.toString(plain.stream().mapToLong(Round::cpuNanosPerTransaction).toArray()),
                Arrays.toString(rule.stream().mapToLong(Round::cpuNanosPerTransaction).toArray()), tab.count()));
        String how = ", one 32-byte request line in flight, " + ROUND_MILLIS / 1000.0 + " s rounds, median of " + ROUNDS;
        Figures.print("rr_plain_per_s", plainRate, "transactions a second against a plain Java echo loop on a"
                + " blocking socket" + how);
        Figures.print("rr_rule_per_s", ruleRate, "the same against the real server session: framing by \\n, the"
                + " log's ingest, round-trip statistics and a regex rule answering" + how);
        Figures.atLeast("rr_rule_ratio", ruleRate / plainRate, 0.7, "rr_rule_per_s / rr_plain_per_s, same run");
        Figures.print("rr_rtt_p50_us", tab.p50Nanos() / 1e3, "the tab's own round trips during the rule rounds"
                + " (its answer handed to the socket to the next request complete), p50 of the last 10,000");
        Figures.print("rr_rtt_p99_us", tab.p99Nanos() / 1e3, "the same, p99");
        Figures.atMost("rr_rtt_error_p50_us", Math.abs(tab.p50Nanos() - peerP50) / 1e3, 100,
                "|the tab's p50 - the peer's own p50| (median of the rule rounds)");
        Figures.atLeast("rules_100_regex_msgs_per_s", hundredRules(), 100_000, "messages a second answered through"
                + " 100 regex rules of which only the last matches (the responder on one thread, in process)");
    }

    private static String rates(List<Round> rounds) {
        return Arrays.toString(rounds.stream().mapToLong(r -> Math.round(r.perSecond())).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Round askPeer(int port, String serverThreads) throws Exception {
        long cpuBefore = cpuOf(serverThreads);
        try (PeerProcess peer = PeerProcess.start(RrPeer.class, Integer.toString(port), Long.toString(ROUND_MILLIS))) {
            String result = peer.readLine();
            if (result == null || !result.startsWith("RESULT ")) {
                throw new IllegalStateException("the rr peer did not report: " + result);
            }
            String[] words = result.split(" ");
            long transactions = Math.max(1, Long.parseLong(words[1]));
            return new Round(transactions / (ROUND_MILLIS / 1e3), Long.parseLong(words[2]), Long.parseLong(words[3]),
                    (cpuOf(serverThreads) - cpuBefore) / transactions);
        }
    }

    /** The baseline: accept one client, echo every read back at once, blocking. */
    private static Round plainRound() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            CompletableFuture<Long> echo = new CompletableFuture<>(); // completes with the echo thread's CPU time
            Thread echoThread = new Thread(() -> {
                try (Socket client = server.accept()) {
                    client.setTcpNoDelay(true);
                    InputStream in = client.getInputStream();
                    OutputStream out = client.getOutputStream();
                    byte[] buffer = new byte[4096];
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                    }
                } catch (Exception peerGone) {
                    // the peer closes at its end: the round is over
                }
                echo.complete(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            }, "rr-plain");
            echoThread.start();
            Round round = askPeer(server.getLocalPort(), "rr-none");
            long cpu = echo.get(10, TimeUnit.SECONDS);
            long transactions = Math.max(1, Math.round(round.perSecond() * ROUND_MILLIS / 1e3));
            return new Round(round.perSecond(), round.peerP50(), round.peerP99(), cpu / transactions);
        }
    }

    /** The engine: a server session answering by one regex rule, as a tab does. */
    private static Round ruleRound(RoundTripStats tabStats) throws Exception {
        LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("rr-bench"));
        try {
            ArrayDeque<LogEntry> rows = new ArrayDeque<>();
            LogIngest ingest = new LogIngest(() -> StandardCharsets.UTF_8, LogEntry.PREVIEW_CHARS, entry -> {
                if (rows.size() >= 10_000) {
                    rows.pollFirst(); // the log keeps its newest rows
                }
                rows.addLast(entry);
            }, LogIngest.Boundaries.STREAM, true);
            CompletableFuture<InetSocketAddress> opened = new CompletableFuture<>();
            SessionListener shown = event -> {
                ingest.onEvent(event);
                if (event instanceof SessionEvent.Data data && data.roundTripNanos() >= 0) {
                    tabStats.record(data.roundTripNanos());
                }
                if (event instanceof SessionEvent.Opened open) {
                    opened.complete(open.local());
                }
            };
            Responder responder = new Responder(shown, () -> StandardCharsets.UTF_8, () -> 0);
            responder.setRules(RuleSet.of(List.of(new Rule(true, Rule.Match.REGEX, "^REQ (\\d+)",
                    new QuickCommand("ack", "ACK $1", false, "UTF-8", false, LineEnding.LF, Checksum.NONE), 0))), true);
            TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0), event -> {
                shown.onEvent(event);
                responder.onEvent(event);
            }, new TrafficCounters(), loops.next());
            server.setFraming(new Framing.Delimiter(new byte[] {'\n'}, true));
            responder.answerThrough(server);
            server.start();
            Round round = askPeer(opened.get(10, TimeUnit.SECONDS).getPort(), "rr-bench");
            server.close();
            return round;
        } finally {
            loops.close();
            loops.awaitTermination(java.time.Duration.ofSeconds(10));
        }
    }

    /** 100 regex rules, only the last matching, through the real responder; answers go nowhere. */
    private static double hundredRules() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            rules.add(new Rule(true, Rule.Match.REGEX, "^CMD" + i + " (\\w+)", QuickCommand.text("r" + i, "NO $1"), 0));
        }
        rules.add(new Rule(true, Rule.Match.REGEX, "^REQ (\\d+)", QuickCommand.text("last", "ACK $1"), 0));
        long[] answered = new long[1];
        Responder responder = new Responder(event -> { }, () -> StandardCharsets.UTF_8, () -> 0);
        responder.setRules(RuleSet.of(rules), true);
        responder.answerThrough(new Replies() {
            @Override
            public void reply(SessionEvent.Data request, byte[] bytes) {
                answered[0]++;
            }

            @Override
            public void replyAfter(long delayNanos, SessionEvent.Data request, byte[] bytes) {
                answered[0]++;
            }

            @Override
            public BurstReport burstReport(BurstReport.First first, BurstReport.Report report) {
                return new BurstReport((delayNanos, task) -> { }, first, report); // every rule builds
            }
        });
        InetSocketAddress peer = new InetSocketAddress(LOOPBACK, 40_000);
        byte[][] messages = new byte[1024][];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = String.format("REQ %012d ..............\n", i).getBytes(StandardCharsets.US_ASCII);
        }
        // Cold code counts: the first second is measured too, from the first message.
        long start = System.nanoTime();
        long end = start + Bench.millis(3_000) * 1_000_000L;
        long sent = 0;
        while (System.nanoTime() - end < 0) {
            for (int i = 0; i < 256; i++, sent++) {
                responder.onEvent(new SessionEvent.Data(0, Direction.RX, peer, messages[(int) (sent & 1023)]));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (answered[0] != sent) {
            throw new IllegalStateException("the last rule answered " + answered[0] + " of " + sent);
        }
        return sent / seconds;
    }
}
