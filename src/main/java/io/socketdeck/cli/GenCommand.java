package io.socketdeck.cli;

import io.socketdeck.core.net.HostLookup;
import io.socketdeck.core.net.IpLiterals;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.udp.UdpSession;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code socketdeck gen tcp|udp HOST PORT [DATA]}: a traffic generator. Sends as fast as the peer
 * takes it or at {@code --rate}, for {@code --count} messages or {@code --duration} seconds, over
 * {@code --connections} TCP connections, or as request/response with round trips; prints progress
 * once a second and one summary line (or JSON line) at the end, also on Ctrl+C.
 */
@Command(name = "gen", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Generate load: send messages to HOST:PORT as fast as possible or at a rate, "
            + "and print the rate achieved (and the round trips with --request-response)."},
        footerHeading = "%nExamples:%n",
        footer = {"  socketdeck gen udp 127.0.0.1 9000 --size 64 --duration 5",
            "  socketdeck gen tcp plc.local 502 --hex \"01 03 00 00 00 02\" --rate 100",
            "  socketdeck gen tcp 127.0.0.1 7 --request-response --connections 4",
            "  socketdeck gen udp 127.0.0.1 9000 \"seq={{COUNTER}}\\n\" --escapes --rate 1000",
            "  socketdeck gen tcp device.example 9000 --duration 60 --json --quiet",
            "MB/s counts 1,000,000 bytes. Exit status: 0, or the first error's: 3 refused",
            "or port unreachable, 5 unknown host, 6 replies missing, 1 other; 2 for bad",
            "options; 130 on Ctrl+C."})
final class GenCommand implements Callable<Integer> {

    /** The largest TCP message {@code --size} makes (larger ones gain nothing as load). */
    static final int MAX_TCP_SIZE = 16 << 20;
    static final int MAX_CONNECTIONS = 10_000;
    /** The engine pairs an answer with its request within this time (core.session.RoundTrips). */
    static final long MAX_REPLY_TIMEOUT_MS = 5_000;
    static final double DEFAULT_DURATION_SECONDS = 10;

    enum Protocol { tcp, udp }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "tcp|udp", description = "The protocol: ${COMPLETION-CANDIDATES}.")
    Protocol protocol;

    @Parameters(index = "1", paramLabel = "HOST", description = "Where to: a name or an IP address.")
    String hostText;

    @Parameters(index = "2", paramLabel = "PORT", description = "The peer's port, 1-65535.")
    String portText;

    @Parameters(index = "3", arity = "0..1", paramLabel = "DATA",
            description = "The message, with the payload options and macros such as {{COUNTER}} "
                    + "(instead of --size). Built once unless its macros change per message.")
    String data;

    @Option(names = "--size", paramLabel = "BYTES",
            description = "Without DATA: messages of BYTES bytes of filler text (default: 64).")
    Integer size;

    @Option(names = "--rate", paramLabel = "N",
            description = "Messages a second in all (default: as fast as the peer takes them).")
    Double rate;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Amount amount;

    /** How much: a count or a time, not both. */
    static final class Amount {
        @Option(names = "--count", paramLabel = "N", required = true, description = "Send N messages in all, then stop.")
        Long count;

        @Option(names = "--duration", paramLabel = "SEC", required = true,
                description = "Send for SEC seconds (default: 10 when no --count).")
        Double duration;
    }

    @Option(names = "--connections", paramLabel = "N", defaultValue = "1",
            description = "TCP: N connections sharing the load, its rate and its count (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--request-response",
            description = "Send one message, wait for the peer's answer, then send the next (per connection); "
                    + "prints the round trips' p50, p99 and max in microseconds.")
    boolean requestResponse;

    @Option(names = "--reply-timeout", paramLabel = "MS", defaultValue = "2000",
            description = "With --request-response: an answer later than MS (at most 5000) counts as missing "
                    + "(default: ${DEFAULT-VALUE}).")
    long replyTimeoutMillis;

    @Option(names = "--json", description = "JSON lines instead of text; the last is the summary.")
    boolean json;

    @Option(names = "--quiet", description = "No progress lines, only the summary (and errors on stderr).")
    boolean quiet;

    @Mixin
    PayloadMixin payload;

    @Override
    public Integer call() {
        checkOptions();
        String host = Inputs.host(spec, hostText);
        int port = Inputs.port(spec, portText, false);
        GenPayloads payloads = payloads();
        GenSettings settings = new GenSettings(protocol == Protocol.tcp, new InetSocketAddress(lookUp(host), port),
                rate == null ? 0 : rate, amount != null && amount.count != null ? amount.count : 0,
                durationNanos(), connections, requestResponse, TimeUnit.MILLISECONDS.toNanos(replyTimeoutMillis));
        return new GenRun(settings, payloads, new GenLines(json), quiet, spec.commandLine().getOut(),
                spec.commandLine().getErr()).execute();
    }

    private void checkOptions() {
        if (rate != null && !(rate > 0 && rate < 1e9)) {
            throw usage("--rate: messages a second, more than 0 (leave it out for as fast as possible)");
        }
        if (amount != null && amount.count != null && amount.count < 1) {
            throw usage("--count: at least 1 message");
        }
        if (amount != null && amount.duration != null && !(amount.duration > 0 && amount.duration < 1e7)) {
            throw usage("--duration: seconds, more than 0");
        }
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw usage("--connections: 1 to " + MAX_CONNECTIONS);
        }
        if (connections > 1 && protocol == Protocol.udp) {
            throw usage("--connections is for TCP; UDP sends from one socket");
        }
        if (replyTimeoutMillis < 1 || replyTimeoutMillis > MAX_REPLY_TIMEOUT_MS) {
            throw usage("--reply-timeout: 1 to " + MAX_REPLY_TIMEOUT_MS + " ms");
        }
        int maxSize = protocol == Protocol.udp ? UdpSession.MAX_PAYLOAD : MAX_TCP_SIZE;
        if (size != null && data != null) {
            throw usage("--size and DATA: give one of them");
        }
        if (size != null && (size < 1 || size > maxSize)) {
            throw usage("--size: 1 to " + maxSize + " bytes");
        }
    }

    private GenPayloads payloads() {
        GenPayloads payloads = data == null ? GenPayloads.filler(size == null ? 64 : size) : GenPayloads.of(data, payload);
        if (payloads.sampleLength() == 0 && protocol == Protocol.tcp) {
            throw new CliFailure(ExitCode.USAGE, "DATA is empty: a TCP message needs at least one byte");
        }
        if (payloads.sampleLength() > UdpSession.MAX_PAYLOAD && protocol == Protocol.udp) {
            throw new CliFailure(ExitCode.USAGE, "DATA is " + payloads.sampleLength()
                    + " bytes; a datagram carries at most " + UdpSession.MAX_PAYLOAD);
        }
        return payloads;
    }

    private long durationNanos() {
        if (amount != null && amount.count != null) {
            return 0;
        }
        double seconds = amount != null && amount.duration != null ? amount.duration : DEFAULT_DURATION_SECONDS;
        return Math.round(seconds * 1e9);
    }

    /**
     * The host's address, once, before anything is opened (every connection and the UDP loop use
     * it): an unknown name is exit status 5. Looked up by the engine's lookup helper; the command
     * waits for it, as it has nothing else to do.
     */
    private static InetAddress lookUp(String host) {
        Optional<InetAddress> literal = IpLiterals.parse(host); // most load goes to an address: no lookup thread
        if (literal.isPresent()) {
            return literal.get();
        }
        try {
            return HostLookup.lookUp(host).join();
        } catch (CompletionException e) {
            throw new CliFailure(ExitCode.UNKNOWN_HOST, EventTexts.failure(
                    new SessionEvent.Failure(System.currentTimeMillis(), FailureKind.UNKNOWN_HOST, null, host)));
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
