package io.socketdeck.cli;

import io.socketdeck.core.capture.CaptureFormat;
import io.socketdeck.core.capture.CaptureOptions;
import io.socketdeck.core.capture.CaptureWriter;
import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.respond.Responder;
import io.socketdeck.core.respond.Rule;
import io.socketdeck.core.respond.RuleException;
import io.socketdeck.core.respond.RuleJson;
import io.socketdeck.core.respond.RuleSet;
import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.send.PayloadOptions;
import io.socketdeck.core.send.QuickCommandFormatException;
import io.socketdeck.core.send.QuickCommandImport;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.tcp.Transport;
import io.socketdeck.core.text.InputErrors;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code socketdeck listen tcp|udp [--bind ADDR] PORT}: the server and UDP tabs without their
 * window. Prints who comes, what they send and how they leave; answers as the tab's echo,
 * auto-reply rules or a canned reply would; captures to a file as the tab's capture does. Runs
 * until Ctrl+C (the summary, exit 130), or for {@code --duration} or {@code --count} (exit 0).
 */
@Command(name = "listen", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Listen on PORT (0: the system picks one) over TCP or UDP and print what arrives.",
            "Prints 'listening ADDR:PORT', then 'accepted PEER', 'received PEER N B ...', 'sent PEER N B ...'"
                + " (answers), 'closed PEER reason', and at the end 'summary ...'."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:ended after --duration or --count", "1:failed (port in use, permission denied...)",
            "2:bad command line or input (a bad --rules file too)", "130:interrupted (Ctrl+C), after the summary"})
final class ListenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "tcp|udp", description = "The protocol.")
    Protocol protocol;

    @Parameters(index = "1", paramLabel = "PORT", description = "The port to listen on; 0 lets the system pick one.")
    String portText;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0",
            description = "The local address: 0.0.0.0 (all IPv4), :: (all, IPv6 and IPv4), 127.0.0.1..."
                    + " (default: ${DEFAULT-VALUE}).")
    String bindText;

    @Option(names = "--echo", description = "Send every message back to its sender (what no rule answered).")
    boolean echo;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Answer with the auto-reply rules of this file (the tab's Export, JSON).")
    Path rulesFile;

    @Option(names = "--reply", paramLabel = "DATA",
            description = "Answer every message no rule answered with DATA, built with the payload options"
                    + " (macros too; $0 is the message).")
    String reply;

    @Option(names = "--capture", paramLabel = "FILE",
            description = "Capture the traffic to FILE, as the tab's capture does.")
    Path captureFile;

    @Option(names = "--capture-format", paramLabel = "FORMAT", defaultValue = "log",
            description = "log: a text line per event, both directions; raw: the received bytes only"
                    + " (default: ${DEFAULT-VALUE}).")
    CaptureFormat captureFormat;

    @Mixin
    PayloadMixin payload;

    @Mixin
    ReceivedDataMixin received;

    @Option(names = "--duration", paramLabel = "SEC", description = "Stop after SEC seconds (exit 0).")
    Double durationSeconds;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N received messages (exit 0).")
    Long count;

    @Mixin
    TlsServerMixin tls;

    @Override
    public Integer call() {
        int port = Inputs.port(spec, portText, true);
        BindAddress bind = Inputs.bindAddress(spec, bindText);
        checkOptions();
        Transport.Factory transports = tls.transports(spec, protocol);
        Charset charset = payload.charset();
        List<Rule> rules = rules();
        AtomicLong counter = new AtomicLong();
        MacroValues macros = counter::incrementAndGet;

        EventPrinter printer = received.printer(spec, charset);
        TrafficTally tally = new TrafficTally(protocol == Protocol.TCP ? TrafficTally.Clients.CONNECTIONS
                : TrafficTally.Clients.SENDERS);
        CaptureWriter capture = openCapture(charset, printer);
        // Where the responder reports answers it stopped (two echoes answering each other).
        Responder responder = new Responder(event -> {
            if (event instanceof SessionEvent.Failure failure) {
                printer.error(failure);
            }
        }, () -> charset, macros);
        responder.setEcho(echo);
        responder.setRules(RuleSet.of(rules), !rules.isEmpty());
        ListenRun run = new ListenRun(printer, tally, capture, responder, count, durationSeconds);
        try (LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("socketdeck-io"))) {
            TrafficCounters counters = new TrafficCounters();
            if (protocol == Protocol.TCP) {
                TcpServerOptions options = TcpServerOptions.of(bind.address(), port)
                        .withHalfCloseLinger(halfCloseLinger(rules));
                TcpServerSession server = new TcpServerSession(options, run.listener(), counters, loops.next(),
                        transports == null ? Transport.Factory.PLAIN : transports);
                if (tls.presented() != null) {
                    printer.presenting(tls.presented().describe());
                }
                if (received.framing != null) {
                    server.setFraming(received.framing);
                }
                responder.answerThrough(server);
                return run.run(server);
            }
            UdpSession socket = new UdpSession(UdpOptions.bind(bind.address(), port), run.listener(), counters,
                    loops.next());
            responder.answerThrough(socket);
            return run.run(socket);
        } finally {
            if (capture != null) {
                capture.close();
            }
        }
    }

    private void checkOptions() {
        received.checkFor(protocol, spec);
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count: at least 1.");
        }
        if (durationSeconds != null && !(durationSeconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--duration: more than 0 seconds.");
        }
    }

    /**
     * The rules of {@code --rules}, then {@code --reply} as a last rule that answers anything. A
     * reply's text is sent in the encoding asked for, any Java can encode, not only the window's:
     * {@code --reply} in {@code --encoding}, a rule in its file's {@code charset}.
     */
    private List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        if (rulesFile != null) {
            RuleJson.Imported imported;
            try {
                imported = RuleJson.read(rulesFile);
            } catch (IOException | QuickCommandFormatException e) {
                throw new CliFailure(ExitCode.USAGE, InputErrors.importFailed(rulesFile.toString(), e));
            }
            rules.addAll(imported.rules());
            for (QuickCommandImport.CharsetFallback fallback : imported.charsetFallbacks()) {
                Rule rule = rules.get(fallback.index());
                if (rule.enabled()) {
                    rules.set(fallback.index(), rule.withReplyCharset(sendable(rule, fallback.charsetName())));
                }
            }
        }
        if (reply != null) {
            PayloadOptions options = payload.options(); // refuses an encoding that can only decode
            rules.add(new Rule(true, Rule.Match.REGEX, "(?s).*", new QuickCommand("--reply", reply, options.hex(),
                    options.charset().name(), options.escapes(), options.lineEnding(), options.checksum()), 0,
                    options.charset()));
        }
        for (Rule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            try {
                RuleSet.check(rule); // the window refuses such a rule in its dialog; a file may still hold one
            } catch (RuleException e) {
                throw new CliFailure(ExitCode.USAGE, where(rule) + ": " + InputErrors.rule(e));
            }
        }
        return rules;
    }

    /** The encoding a rule of the file names, when Java can send text in it; else a usage error. */
    private Charset sendable(Rule rule, String charsetName) {
        Charset charset = Encodings.lookup(charsetName)
                .orElseThrow(() -> new CliFailure(ExitCode.USAGE, where(rule) + ": " + Encodings.unknown(charsetName)));
        String cannotSend = rule.reply().hex() ? null : Encodings.cannotSend(charset);
        if (cannotSend != null) {
            throw new CliFailure(ExitCode.USAGE, where(rule) + ": " + cannotSend);
        }
        return charset;
    }

    private String where(Rule rule) {
        return rule.name().equals("--reply") ? "--reply" : rulesFile + ", \u201c" + rule.name() + "\u201d";
    }

    /**
     * How long a client that finished sending stays connected. Nothing here sends on its own, and
     * an echo or an immediate answer goes out before the end of stream is read (or waits in the
     * queue, which a close lets out first): only a delayed rule's answer needs the client to stay,
     * a second longer than the longest delay. Else the client's close is reported at once.
     */
    private static Duration halfCloseLinger(List<Rule> rules) {
        long longest = rules.stream().filter(Rule::enabled).mapToLong(Rule::delayMillis).max().orElse(0);
        return longest == 0 ? Duration.ZERO : Duration.ofMillis(longest + 1000);
    }

    private CaptureWriter openCapture(Charset charset, EventPrinter printer) {
        if (captureFile == null) {
            return null;
        }
        CaptureOptions options = captureFormat == CaptureFormat.RAW ? CaptureOptions.raw(captureFile)
                : CaptureOptions.log(captureFile).withCharset(charset);
        try {
            return CaptureWriter.open(options, failed -> printer.error(InputErrors.captureFailed(failed)));
        } catch (IOException | RuntimeException e) {
            throw new CliFailure(ExitCode.FAILED, InputErrors.captureOpen(captureFile.toString(),
                    IoErrors.describe(e)));
        }
    }
}
