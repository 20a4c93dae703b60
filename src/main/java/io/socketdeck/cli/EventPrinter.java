package io.socketdeck.cli;

import io.socketdeck.core.codec.HexDump;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.session.Unsent;
import io.socketdeck.core.text.EventTexts;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A command's events as lines on standard output: {@code HH:mm:ss.SSS EVENT fields...} for
 * people and grep, or with {@code --json} one JSON object per line with {@code time} (an ISO-8601
 * instant), {@code event} and the fields. Thread-safe: the I/O thread prints traffic, the main
 * thread and the Ctrl+C hook print the rest; once the summary is out nothing more is printed.
 */
final class EventPrinter {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final PrintWriter out;
    private final boolean json;
    private final ShowMode show;
    private final ShownData shown;
    private boolean ended;
    private Runnable onOutputGone = () -> { };

    EventPrinter(PrintWriter out, boolean json, ShowMode show, Charset charset) {
        this.out = out;
        this.json = json;
        this.show = show;
        this.shown = new ShownData(charset);
    }

    /**
     * Told once when standard output is gone (the reader of a pipe ended: {@code | head -1}), so a
     * command that would run until Ctrl+C ends instead of printing into nothing.
     */
    synchronized void whenOutputGone(Runnable action) {
        onOutputGone = action;
    }

    /** A server or socket listens: its address, with the port the system picked for port 0. */
    void listening(SessionEvent.Opened event) {
        print(event.timeMillis(), "listening", fields("local", event.local()), Addresses.format(event.local()));
    }

    /** A UDP socket of ours is open, on the local address (and port) the system picked. */
    void opened(long timeMillis, InetSocketAddress local) {
        print(timeMillis, "opened", fields("local", local), Addresses.format(local));
    }

    /** We connected to a server. */
    void connected(SessionEvent.Connected event) {
        Map<String, Object> fields = fields("peer", event.remote());
        fields.put("local", Addresses.format(event.local()));
        print(event.timeMillis(), "connected", fields, Addresses.format(event.remote()));
    }

    /** A client connected to our server. */
    void accepted(SessionEvent.Connected event) {
        Map<String, Object> fields = fields("peer", event.remote());
        fields.put("local", Addresses.format(event.local()));
        print(event.timeMillis(), "accepted", fields, Addresses.format(event.remote()));
    }

    /** {@code received PEER N B <data>} or {@code sent PEER N B <data>}. */
    synchronized void data(SessionEvent.Data event) {
        if (ended) {
            return;
        }
        byte[] bytes = event.bytes();
        String name = event.direction() == Direction.RX ? "received" : "sent";
        Map<String, Object> fields = fields("peer", event.peer());
        fields.put("bytes", bytes.length);
        if (event.automatic()) {
            fields.put("automatic", true); // an echo or an auto-reply, not a send of the user's
        }
        String head = Addresses.format(event.peer()) + " " + bytes.length + " B";
        switch (show) {
            case TEXT -> {
                String text = shown.text(event);
                fields.put("text", text);
                print(event.timeMillis(), name, fields, head + " " + ShownData.oneLine(text, bytes));
            }
            case HEX -> {
                fields.put("hex", ShownData.hex(bytes));
                print(event.timeMillis(), name, fields, head + " " + ShownData.hex(bytes));
            }
            case DUMP -> {
                fields.put("hex", ShownData.hex(bytes));
                print(event.timeMillis(), name, fields, head);
                if (!json) {
                    out.print(HexDump.format(bytes));
                    out.flush();
                }
            }
        }
    }

    /**
     * {@code closed PEER reason}: who ended a connection and how (peer, reset, local...), and what
     * the end left unsent: {@code unsent 4 sends 62952027 B cut after 4157547 of 67108864 B}.
     */
    synchronized void closed(SessionEvent.Disconnected event) {
        shown.forget(event.connection());
        String reason = event.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Map<String, Object> fields = fields("peer", event.remote());
        fields.put("reason", reason);
        StringBuilder human = new StringBuilder(Addresses.format(event.remote())).append(' ').append(reason);
        Unsent unsent = event.unsent();
        if (unsent.any()) {
            fields.put("unsentSends", unsent.sends());
            fields.put("unsentBytes", unsent.bytes());
            human.append(" unsent ").append(unsent.sends()).append(" sends ").append(unsent.bytes()).append(" B");
            if (unsent.cut()) {
                fields.put("cutAfter", unsent.cutWritten());
                fields.put("cutLength", unsent.cutLength());
                human.append(" cut after ").append(unsent.cutWritten()).append(" of ").append(unsent.cutLength())
                        .append(" B");
            }
        }
        print(event.timeMillis(), "closed", fields, human.toString());
    }

    /** A TLS handshake completed: what was agreed, and the peer's certificate and how it was trusted. */
    void secured(SessionEvent.Secured event) {
        TlsHandshake handshake = event.handshake();
        Map<String, Object> fields = fields("peer", event.remote());
        fields.put("protocol", handshake.protocol());
        fields.put("cipherSuite", handshake.cipherSuite());
        fields.put("alpn", handshake.alpn());
        fields.put("resumed", handshake.resumed());
        fields.put("handshakeMs", handshake.handshakeMillis());
        fields.put("trust", handshake.trustedBy().name());
        if (!handshake.peerChain().isEmpty()) {
            PeerCertificate leaf = handshake.peerChain().get(0);
            fields.put("subject", leaf.subject());
            fields.put("issuer", leaf.issuer());
            fields.put("notAfter", leaf.notAfter().toString());
            fields.put("sha256", leaf.sha256());
            fields.put("names", leaf.names());
        }
        print(event.timeMillis(), "secured", fields, EventTexts.secured(event));
    }

    /** The certificate our TLS server presents: its name and fingerprint, for clients to pin. */
    void presenting(PeerCertificate certificate) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("subject", certificate.subject());
        fields.put("notAfter", certificate.notAfter().toString());
        fields.put("sha256", certificate.sha256());
        fields.put("names", certificate.names());
        print(System.currentTimeMillis(), "presenting", fields, EventTexts.certificate(certificate));
    }

    /** A failure the command goes on after, in the log's words. */
    void error(SessionEvent.Failure event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", event.kind().name());
        if (event.peer() != null) {
            fields.put("peer", Addresses.format(event.peer()));
        }
        String message = EventTexts.failure(event);
        fields.put("message", message);
        print(event.timeMillis(), "error", fields, message);
    }

    /** Something that is not a session's event went wrong (a capture file); the command goes on. */
    void error(String message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message", message);
        print(System.currentTimeMillis(), "error", fields, message);
    }

    /**
     * The failure that ends the command. Its words go to standard error (the caller throws it);
     * with {@code --json} standard output gets it too, so a collector of the lines sees the end.
     */
    void fatal(CliFailure failure) {
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("exit", failure.exitCode().code());
            fields.put("message", failure.getMessage());
            print(System.currentTimeMillis(), "error", fields, failure.getMessage());
        }
    }

    /** The last line: what went through, so far or in all. Nothing is printed after it. */
    synchronized void summary(TrafficTally.Totals totals) {
        Map<String, Object> fields = new LinkedHashMap<>();
        StringBuilder human = new StringBuilder();
        if (totals.clients() >= 0) {
            fields.put("clients", totals.clients());
            human.append("clients ").append(totals.clients()).append(' ');
        }
        fields.put("rxBytes", totals.rxBytes());
        fields.put("rxMessages", totals.rxMessages());
        fields.put("txBytes", totals.txBytes());
        fields.put("txMessages", totals.txMessages());
        human.append("rx ").append(totals.rxBytes()).append(" B ").append(totals.rxMessages()).append(" messages")
                .append(" tx ").append(totals.txBytes()).append(" B ").append(totals.txMessages()).append(" messages");
        print(System.currentTimeMillis(), "summary", fields, human.toString());
        ended = true;
    }

    private static Map<String, Object> fields(String name, InetSocketAddress address) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(name, Addresses.format(address));
        return fields;
    }

    private synchronized void print(long timeMillis, String event, Map<String, Object> fields, String human) {
        if (ended) {
            return;
        }
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", JsonLines.time(timeMillis));
            line.put("event", event);
            line.putAll(fields);
            out.println(JsonLines.line(line));
        } else {
            out.println(CLOCK.format(Instant.ofEpochMilli(timeMillis)) + " " + event + " " + human);
        }
        if (out.checkError()) { // flushes; a PrintWriter never throws
            ended = true;
            onOutputGone.run();
        }
    }
}
