package io.socketdeck.cli;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.net.IpLiterals;
import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tcp.Transport;
import io.socketdeck.core.text.InputErrors;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.core.udp.UdpTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code socketdeck send tcp|udp HOST PORT [DATA]}: the client tab without its window. Connects
 * (or opens a UDP socket connected to the peer, so an ICMP "port unreachable" is heard), sends
 * DATA built like the send box builds it, optionally waits for the reply, and exits with a status
 * that tells a refused port from a silent device.
 */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Send DATA (or standard input, or a file) to HOST:PORT over TCP or UDP and print what happens.",
            "Prints 'connected' (TCP) or 'opened' (UDP), 'sent PEER N B ...', with --wait-reply the reply as"
                + " 'received PEER N B ...', then 'closed PEER reason' (TCP)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:sent (and with --wait-reply, a reply came)", "1:failed (reset, file unreadable...)",
            "2:bad command line or input", "3:refused (TCP), port unreachable (UDP, with --wait-reply)",
            "4:connect timeout", "5:unknown host",
            "6:no reply within --wait-reply; the peer took none of a send's bytes for --send-timeout (not reading)",
            "7:TLS handshake failed (certificate refused, alert, no common version, plaintext peer)",
            "130:interrupted (Ctrl+C)"})
final class SendCommand implements Callable<Integer> {

    /** How long a send may go without the peer taking a byte, when neither timeout is given. */
    static final int DEFAULT_SEND_TIMEOUT_MILLIS = 10_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "tcp|udp", description = "The protocol.")
    Protocol protocol;

    @Parameters(index = "1", paramLabel = "HOST", description = "A host name or an IP address.")
    String hostText;

    @Parameters(index = "2", paramLabel = "PORT", description = "The peer's port, 1 to 65535.")
    String portText;

    @Parameters(index = "3", paramLabel = "DATA", arity = "0..1",
            description = "What to send, built as the send box builds it (see the payload options, macros such as"
                    + " {{COUNTER}} {{UNIX_MS}}). Absent or '-': standard input, read as text the same way.")
    String data;

    @Option(names = "--file", paramLabel = "PATH",
            description = "Send this file's bytes as they are ('-': standard input's bytes);"
                    + " payload options do not apply.")
    String file;

    @Mixin
    PayloadMixin payload;

    @Mixin
    ReceivedDataMixin received;

    @Mixin
    TlsClientMixin tls;

    @Option(names = "--wait-reply", paramLabel = "MS",
            description = "After sending, wait up to MS for the reply and print it: the first datagram, or (TCP) the"
                    + " first read or --framing frame; the peer closing without one is no reply either (exit 6).")
    Integer waitReplyMillis;

    @Option(names = "--send-timeout", paramLabel = "MS",
            description = "TCP: how long a send may wait with the peer taking none of its bytes (it is not reading)"
                    + " before the command gives up (exit 6; default: --wait-reply's MS when given, else "
                    + SendCommand.DEFAULT_SEND_TIMEOUT_MILLIS + ").")
    Integer sendTimeoutMillis;

    @Option(names = "--connect-timeout", paramLabel = "MS", defaultValue = "5000",
            description = "TCP: how long the connect may take (default: ${DEFAULT-VALUE}).")
    int connectTimeoutMillis;

    @Option(names = "--bind", paramLabel = "ADDR", description = "The local address to send from.")
    String bindText;

    @Option(names = "--local-port", paramLabel = "PORT", description = "The local port to send from (default: any).")
    String localPortText;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "Send N times (macros are built anew each time; default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "1000",
            description = "With --count, MS from one send to the next (default: ${DEFAULT-VALUE}).")
    int intervalMillis;

    @Override
    public Integer call() {
        String host = Inputs.host(spec, hostText);
        int port = Inputs.port(spec, portText, false);
        InetSocketAddress local = localAddress(host);
        checkNumbers();
        received.checkFor(protocol, spec);
        Transport.Factory transports = tls.transports(spec, protocol, host, port);
        Charset charset = payload.charset();
        AtomicLong counter = new AtomicLong();
        MacroValues macros = counter::incrementAndGet;
        SendExchange.Payload next = payloadSource(charset, macros);
        byte[] first = next.build(); // bad hex or a bad macro stops here, before any connection

        EventPrinter printer = received.printer(spec, charset);
        TrafficTally tally = new TrafficTally(TrafficTally.Clients.NONE);
        long sendTimeout = sendTimeoutMillis != null ? sendTimeoutMillis
                : waitReplyMillis != null ? waitReplyMillis : DEFAULT_SEND_TIMEOUT_MILLIS;
        SendExchange exchange = new SendExchange(printer, tally, protocol, waitReplyMillis, sendTimeout, count,
                intervalMillis);
        try (LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("socketdeck-io"))) {
            SessionListener listener = exchange.listener();
            TrafficCounters counters = new TrafficCounters();
            if (protocol == Protocol.TCP) {
                TcpClientOptions options = TcpClientOptions.of(host, port)
                        .withConnectTimeout(Duration.ofMillis(connectTimeoutMillis)).withLocalAddress(local);
                TcpClientSession session = new TcpClientSession(options, listener, counters, loops.next(),
                        transports == null ? Transport.Factory.PLAIN : transports);
                if (received.framing != null) {
                    session.setFraming(received.framing);
                }
                return exchange.run(session, session, session::unsentBytes, first, next, connectTimeoutMillis,
                        transports == null ? 0 : tls.handshakeTimeoutMillis());
            }
            UdpSession session = new UdpSession(UdpOptions.bind(local.getAddress(), local.getPort())
                    .withConnectTo(new UdpTarget(host, port)), listener, counters, loops.next());
            return exchange.run(session, session.target(null), first, next, connectTimeoutMillis);
        }
    }

    /**
     * Where to send from. TCP: nowhere in particular unless asked. UDP always binds: to what was
     * asked, else the wildcard of the host's family (:: reaches IPv4 too, for a name).
     */
    private InetSocketAddress localAddress(String host) {
        BindAddress bind = bindText == null ? null : Inputs.bindAddress(spec, bindText);
        int localPort = localPortText == null ? 0 : Inputs.port(spec, localPortText, true);
        if (bind != null) {
            return new InetSocketAddress(bind.address(), localPort);
        }
        if (protocol == Protocol.TCP) {
            return localPortText == null ? null : new InetSocketAddress(localPort); // the dual-stack wildcard
        }
        InetAddress literal = IpLiterals.parse(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
                .orElse(null);
        String wildcard = literal == null || literal instanceof Inet6Address ? "::" : "0.0.0.0";
        return new InetSocketAddress(IpLiterals.parse(wildcard).orElseThrow(), localPort);
    }

    private void checkNumbers() {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count: at least 1.");
        }
        if (intervalMillis < 0) {
            throw new ParameterException(spec.commandLine(), "--interval: 0 or more milliseconds.");
        }
        if (connectTimeoutMillis < 1) {
            throw new ParameterException(spec.commandLine(), "--connect-timeout: 1 or more milliseconds.");
        }
        if (waitReplyMillis != null && waitReplyMillis < 1) {
            throw new ParameterException(spec.commandLine(), "--wait-reply: 1 or more milliseconds.");
        }
        if (sendTimeoutMillis != null && sendTimeoutMillis < 1) {
            throw new ParameterException(spec.commandLine(), "--send-timeout: 1 or more milliseconds.");
        }
    }

    /** What each send sends: a file's bytes as they are, or DATA (or standard input) built anew each time. */
    private SendExchange.Payload payloadSource(Charset charset, MacroValues macros) {
        if (file != null) {
            if (data != null) {
                throw new ParameterException(spec.commandLine(), "Give DATA or --file, not both.");
            }
            byte[] bytes = file.equals("-") ? readStandardInput() : readFile(Path.of(file));
            return bytes::clone; // each send hands its array over to the session
        }
        String text = data == null || data.equals("-") ? standardInputText(charset) : data;
        return () -> payload.build(text, macros);
    }

    private static byte[] readFile(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException | OutOfMemoryError e) {
            throw new CliFailure(ExitCode.FAILED, InputErrors.fileOpen(path.toString(), IoErrors.describe(e)));
        }
    }

    private static byte[] readStandardInput() {
        try (InputStream in = System.in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILED, InputErrors.fileOpen("-", IoErrors.describe(e)));
        }
    }

    /** Standard input as DATA: text in {@code --encoding}; bytes that are not are refused, not mangled. */
    private static String standardInputText(Charset charset) {
        byte[] bytes = readStandardInput();
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CliFailure(ExitCode.USAGE, "Standard input is not " + charset.name()
                    + " text: use --encoding, or --file - to send its bytes as they are.");
        }
    }
}
