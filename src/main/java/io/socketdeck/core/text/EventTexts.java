package io.socketdeck.core.text;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.options.OptionGrant;
import io.socketdeck.core.options.SocketOptionKind;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.core.session.RelayFault;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.session.Unsent;
import java.net.InetSocketAddress;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What session events say, in the current {@link Language}: the same words in the window's log and
 * on a command line. Thread-safe: I/O threads call it.
 */
public final class EventTexts {

    private static final TextBundle TEXT = TextBundle.of(EventTexts.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    /** Clients named in one event about many; the rest are counted. */
    private static final int NAMED_PEERS = 5;
    /** A failure's sentence that places its detail, or a line of it: {@code {1}}, {@code {2,number,integer}}. */
    private static final Pattern QUOTES_DETAIL = Pattern.compile("\\{[12][},]");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    /** Per pattern (each language's sentence of each failure: a bounded set), which arguments are numbers. */
    private static final Map<String, boolean[]> NUMBER_ARGUMENTS = new ConcurrentHashMap<>();

    private EventTexts() {
    }

    public static String connected(SessionEvent.Connected event) {
        return TEXT.format("event.connected", Addresses.format(event.remote()), Addresses.format(event.local()));
    }

    /** A client arrived at our server. */
    public static String accepted(SessionEvent.Connected event) {
        return TEXT.format("event.accepted", Addresses.format(event.remote()), Addresses.format(event.local()));
    }

    /** Our server is listening. */
    public static String listening(SessionEvent.Opened event) {
        return TEXT.format("event.listening", Addresses.format(event.local()));
    }

    /** Names the recipients of one send to many clients, e.g. "3 clients". */
    public static String clients(int count) {
        return TEXT.format("log.clients", count);
    }

    public static String sentToNone() {
        return TEXT.text("event.sentToNone");
    }

    public static String opened(SessionEvent.Opened event) {
        return TEXT.format("event.opened", Addresses.format(event.local()));
    }

    public static String multicastJoined(SessionEvent.MulticastJoined event) {
        return TEXT.format("event.multicastJoined", Addresses.formatHost(event.group()), event.interfaceName());
    }

    public static String multicastLeft(SessionEvent.MulticastLeft event) {
        return TEXT.format("event.multicastLeft", Addresses.formatHost(event.group()), event.interfaceName());
    }

    /** How a connection ended, and what the end cut off when it left sends unsent. */
    public static String disconnected(SessionEvent.Disconnected event) {
        return withUnsent(TEXT.format("event.disconnected." + event.reason().name(), Addresses.format(event.remote())),
                event.unsent());
    }

    /**
     * {@code ended} and what the end cut off: "…; a send was cut off after 2,125,797 of its
     * 67,108,864 bytes, and 3 more sends (710 bytes) not sent"; {@code ended} alone when nothing.
     */
    private static String withUnsent(String ended, Unsent unsent) {
        if (!unsent.any()) {
            return ended;
        }
        if (!unsent.cut()) {
            return TEXT.format("event.unsent.notSent", ended, unsent.sends(), unsent.bytes());
        }
        if (unsent.untouchedSends() == 0) {
            return TEXT.format("event.unsent.cut", ended, unsent.cutWritten(), unsent.cutLength());
        }
        return TEXT.format("event.unsent.cutAndMore", ended, unsent.cutWritten(), unsent.cutLength(),
                unsent.untouchedSends(), unsent.untouchedBytes());
    }

    /** The peer's end of stream: it sends no more, but the connection stays open for us to send. */
    public static String peerFinished(SessionEvent.PeerFinished event) {
        return TEXT.format("event.peerFinished", Addresses.format(event.remote()));
    }

    /** We shut our sending side: the peer sees our end of stream, we go on receiving. */
    public static String halfClosed(SessionEvent.HalfClosed event) {
        return TEXT.format("event.halfClosed", Addresses.format(event.remote()));
    }

    /**
     * Socket options as set and read back, one part per option: "TCP_NODELAY on · SO_RCVBUF
     * 131072 (asked 65536) · SO_REUSEPORT: not supported here".
     */
    public static String optionsApplied(SessionEvent.OptionsApplied event) {
        StringJoiner parts = new StringJoiner(" · ");
        for (OptionGrant grant : event.grants()) {
            parts.add(grant(grant));
        }
        String where = event.peer() == null ? "" : Addresses.format(event.peer());
        return event.clients() > 1
                ? TEXT.format("event.optionsApplied.clients", where, event.clients(), parts.toString())
                : TEXT.format("event.optionsApplied", where, parts.toString());
    }

    /** One option's outcome in words: its name, what it is now, what was asked when that differs. */
    public static String grant(OptionGrant grant) {
        return TEXT.format("option." + grant.outcome().name(), optionName(grant.option()), grant.granted(),
                grant.asked(), grant.detail());
    }

    /** What the log calls an option: the system's name (TCP_NODELAY), or a short phrase for the timings. */
    public static String optionName(SocketOptionKind option) {
        return option == SocketOptionKind.KEEPALIVE_TIMING ? TEXT.text("option.name.KEEPALIVE_TIMING") : option.name();
    }

    /** Clients that could not take a send to several: named (the first few) and counted. */
    public static String sendQueueFull(SessionEvent.SendQueueFull event) {
        List<InetSocketAddress> peers = event.peers();
        String key = "event.sendQueueFull." + (event.skipped() ? "skipped" : "notSent")
                + (peers.size() == 1 ? ".one" : ".many");
        return TEXT.format(key, names(peers), peers.size());
    }

    /** "127.0.0.1:5001, 127.0.0.1:5002, … (and 95 more)": at most {@value #NAMED_PEERS} named. */
    private static String names(List<InetSocketAddress> peers) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < Math.min(NAMED_PEERS, peers.size()); i++) {
            names.append(i == 0 ? "" : ", ").append(Addresses.format(peers.get(i)));
        }
        if (peers.size() > NAMED_PEERS) {
            names.append(TEXT.format("log.andMore", peers.size() - NAMED_PEERS));
        }
        return names.toString();
    }

    /**
     * A failure in words. A detail of several lines is several values ({@code {2}}, {@code {3}}: a
     * certificate's name and its end date), placed by the sentence. A value the sentence takes as a
     * number ({@code {2,number,integer}}, {@code {2,choice,...}}) is given as one, so its digits are
     * grouped the language's way and the words agree with it ("1 reply", "15 replies").
     */
    public static String failure(SessionEvent.Failure event) {
        String where = event.peer() == null ? "" : Addresses.format(event.peer());
        if (event.kind() == FailureKind.REPLY_NOT_BUILT) {
            return replyNotBuilt(where, event.detail());
        }
        String key = "failure." + event.kind().name();
        String pattern = TEXT.text(key);
        String[] parts = event.detail().split("\n", -1);
        Object[] args = new Object[2 + parts.length];
        args[0] = where;
        args[1] = event.detail();
        System.arraycopy(parts, 0, args, 2, parts.length);
        if (pattern.contains(",number") || pattern.contains(",choice")) {
            numbersAsNumbers(pattern, args);
        }
        String text = TEXT.format(key, args);
        // The OS's own words help a search; add them unless the sentence already quotes them.
        boolean quotesDetail = QUOTES_DETAIL.matcher(pattern).find();
        return quotesDetail || event.detail().isEmpty() ? text : text + "  (" + event.detail() + ")";
    }

    /** A rule's reply not built: the detail's lines are the rule, the count, then the payload problem's parts. */
    private static String replyNotBuilt(String where, String detail) {
        String[] parts = detail.split("\n", -1);
        try {
            String why = InputErrors.payload(PayloadException.Reason.valueOf(parts[2]), Integer.parseInt(parts[3]),
                    parts[4], parts[5].isEmpty() ? null : parts[5]);
            return TEXT.format("failure.REPLY_NOT_BUILT", where, detail, parts[0], Long.parseLong(parts[1]), why);
        } catch (RuntimeException notOurs) { // a detail this version does not read: said as it is
            return TEXT.format("failure.REPLY_NOT_BUILT", where, detail, parts[0], 1, detail.replace('\n', ' '));
        }
    }

    /** Turns the detail values that {@code pattern} formats as numbers, and are whole numbers, into Longs. */
    private static void numbersAsNumbers(String pattern, Object[] args) {
        boolean[] numeric = NUMBER_ARGUMENTS.computeIfAbsent(pattern, EventTexts::numberArguments);
        for (int i = 2; i < Math.min(numeric.length, args.length); i++) {
            if (numeric[i] && args[i] instanceof String value && WHOLE_NUMBER.matcher(value).matches()) {
                args[i] = Long.parseLong(value);
            }
        }
    }

    /** Which of {@code pattern}'s arguments it formats as numbers; parsed once per pattern (a storm's failures share a few). */
    private static boolean[] numberArguments(String pattern) {
        Format[] formats = new MessageFormat(pattern, Locale.ROOT).getFormatsByArgumentIndex();
        boolean[] numeric = new boolean[formats.length];
        for (int i = 0; i < formats.length; i++) {
            numeric[i] = formats[i] instanceof NumberFormat;
        }
        return numeric;
    }

    /** A completed TLS handshake: what was agreed, how long it took, and how the peer was trusted. */
    public static String secured(SessionEvent.Secured event) {
        TlsHandshake handshake = event.handshake();
        String alpn = handshake.alpn().isEmpty() ? "" : TEXT.format("event.secured.alpn", handshake.alpn());
        String session = TEXT.text(handshake.resumed() ? "event.secured.resumed" : "event.secured.new");
        return TEXT.format("event.secured", Addresses.format(event.remote()), handshake.protocol(),
                handshake.cipherSuite(), alpn, session, handshake.handshakeMillis(), peer(handshake));
    }

    private static String peer(TlsHandshake handshake) {
        if (handshake.peerChain().isEmpty()) {
            return TEXT.text(handshake.trustedBy() == TlsHandshake.Trust.INSECURE ? "event.secured.peer.noneInsecure"
                    : "event.secured.peer.NONE");
        }
        PeerCertificate leaf = handshake.peerChain().get(0);
        return TEXT.format("event.secured.peer." + handshake.trustedBy().name(), leaf.commonName(),
                DAY.format(leaf.notAfter()));
    }

    /**
     * One certificate on one line: subject, issuer, validity, fingerprint and names, as a chain's
     * row shows it.
     */
    public static String certificate(PeerCertificate certificate) {
        String names = certificate.names().isEmpty() ? ""
                : " " + TEXT.format("certificate.names", String.join(", ", certificate.names()));
        return TEXT.format("certificate.line", certificate.subject(), certificate.issuer(),
                DAY.format(certificate.notBefore()), DAY.format(certificate.notAfter()), certificate.sha256(), names);
    }

    /** A send waited {@code millis} for an answer from {@code peer} and none came. */
    public static String noReply(InetSocketAddress peer, long millis) {
        return TEXT.format("event.noReply", Addresses.format(peer), Language.count(millis));
    }

    /**
     * A send of {@code total} bytes to {@code peer} got {@code written} of them out, then no more
     * for {@code millis}: the peer does not read (its window and our socket's buffer are full).
     */
    public static String notReading(InetSocketAddress peer, long written, long total, long millis) {
        return TEXT.format("event.notReading", Addresses.format(peer), written, total, millis);
    }

    /** A send waited for an answer, and {@code peer} finished or closed the connection instead. */
    public static String closedWithoutReply(InetSocketAddress peer) {
        return TEXT.format("event.noReply.closed", Addresses.format(peer));
    }

    /** A storm of arrivals folded into one row: "1,234 more clients connected within 0.4 s". */
    public static String arrivalsFolded(long count, double seconds) {
        return TEXT.format("event.folded.connected", Language.count(count), seconds(seconds));
    }

    /** A storm of a relay's clients getting their link to the target folded into one row. */
    public static String linkedFolded(long count, double seconds) {
        return TEXT.format("event.folded.linked", Language.count(count), seconds(seconds));
    }

    /** A storm of clients finishing their sending (their FIN) folded into one row. */
    public static String finishesFolded(long count, double seconds) {
        return TEXT.format("event.folded.peerFinished", Language.count(count), seconds(seconds));
    }

    /** A storm of TLS handshakes a server completed, folded into one row. */
    public static String securedFolded(long count, double seconds) {
        return TEXT.format("event.folded.secured", Language.count(count), seconds(seconds));
    }

    /**
     * A storm of departures folded into one row, with how many left for each reason, and the
     * sends their ends left unsent ({@code unsentSends}, {@code unsentBytes}), when any.
     */
    public static String departuresFolded(long count, double seconds, Map<CloseReason, Long> reasons,
                                          long unsentSends, long unsentBytes) {
        StringJoiner why = new StringJoiner(", ");
        reasons.forEach((reason, n) -> why.add(TEXT.format("event.reason." + reason.name(), Language.count(n))));
        String folded = TEXT.format("event.folded.disconnected", Language.count(count), seconds(seconds), why.toString());
        return unsentSends == 0 ? folded : TEXT.format("event.folded.unsent", folded, unsentSends, unsentBytes);
    }

    private static String seconds(double seconds) {
        return String.format(Language.current(), "%.1f", seconds);
    }

    /** Resets and failures are shown as errors; orderly closes as information. */
    /** A relay's client got its link to the target. */
    public static String linked(SessionEvent.Linked event) {
        return TEXT.format("event.linked", Addresses.format(event.client()), Addresses.format(event.target()));
    }

    /** Which way a relay's leg goes, in words: "client → target". */
    public static String leg(Leg leg) {
        return TEXT.text(leg == null ? "relay.leg.none" : "relay.leg." + leg.name());
    }

    /** A relayed chunk's direction as a log row's peer: "127.0.0.1:5000 → 127.0.0.1:80". */
    public static String relayPath(InetSocketAddress from, InetSocketAddress to) {
        return Addresses.format(from) + " \u2192 " + Addresses.format(to);
    }

    /** What a relay did on purpose: a fault, a rewrite, a hold. */
    public static String relayFault(SessionEvent.FaultInjected event) {
        String detail = event.what() == RelayFault.FAULTS_CHANGED && event.detail().isEmpty()
                ? TEXT.text("relay.faults.none") : event.detail();
        String[] parts = event.detail().split(":", 2);
        Object[] args = new Object[2 + parts.length];
        args[0] = leg(event.leg());
        args[1] = numberOrText(detail);
        for (int i = 0; i < parts.length; i++) {
            args[2 + i] = numberOrText(parts[i]);
        }
        return TEXT.format("relay.fault." + event.what().name(), args);
    }

    /** A count as a number, so a sentence can say "1 byte" and "2 bytes"; other details as they are. */
    private static Object numberOrText(String detail) {
        if (!detail.isEmpty() && detail.length() < 19 && detail.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(detail);
        }
        return detail;
    }

    public static boolean isError(CloseReason reason) {
        return reason == CloseReason.RESET || reason == CloseReason.ERROR;
    }
}
