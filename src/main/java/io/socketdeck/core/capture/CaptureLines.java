package io.socketdeck.core.capture;

import io.socketdeck.core.codec.EscapeText;
import io.socketdeck.core.codec.HexFormatter;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.Unsent;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The lines of a {@link CaptureFormat#LOG} capture, tab-separated so they open as columns in a
 * spreadsheet and split cleanly with {@code cut}:
 * <pre>
 * 2024-06-01 12:00:00.123	RX	192.0.2.7:502	7	hello\r\n
 * 2024-06-01 12:00:00.125	TX	192.0.2.7:502	2	\x01\x03
 * 2024-06-01 12:00:00.900	PEER_FINISHED	192.0.2.7:502
 * 2024-06-01 12:00:01.000	DISCONNECTED	192.0.2.7:502		PEER
 * 2024-06-01 12:00:02.000	SEND_QUEUE_FULL		2	SKIPPED 192.0.2.8:40001 192.0.2.9:40002
 * </pre>
 * Data is escaped text ({@link EscapeText#format}: lossless, one line) or spaced hex. The words are
 * English on purpose: a capture is data to be processed, not a translated screen.
 *
 * <p>PEER_FINISHED is the peer's end of stream: it sends no more, the connection stays open until
 * DISCONNECTED. SEND_QUEUE_FULL names the clients that could not take a send to several (their
 * count in the size column), with SKIPPED when a repeat or file send leaves them out from then
 * on, else NOT_SENT.
 *
 * <p>A relay's bytes are UP (client to target) and DOWN (target to client) lines whose peer column
 * is the way they went, {@code 127.0.0.1:5000>127.0.0.1:80}; what the relay did on purpose is a
 * FAULT line (its kind and detail), and a client's link to the target a LINKED line.
 */
final class CaptureLines {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final Charset charset;
    private final boolean hex;

    CaptureLines(Charset charset, boolean hex) {
        this.charset = charset;
        this.hex = hex;
    }

    String data(SessionEvent.Data data) {
        byte[] bytes = data.bytes();
        String payload = hex ? HexFormatter.format(bytes) : EscapeText.format(bytes, charset);
        return line(data.timeMillis(), data.direction().name(), data.peer(), Integer.toString(bytes.length), payload);
    }

    String relayed(SessionEvent.Relayed relayed) {
        byte[] bytes = relayed.bytes();
        String payload = hex ? HexFormatter.format(bytes) : EscapeText.format(bytes, charset);
        return textLine(relayed.timeMillis(), relayed.leg().name() + (relayed.injected() ? "_INJECTED" : ""),
                Addresses.format(relayed.from()) + '>' + Addresses.format(relayed.to()),
                Integer.toString(bytes.length), payload);
    }

    /** A line for a control event, or null for events that have none. */
    String control(SessionEvent event) {
        if (event instanceof SessionEvent.Linked linked) {
            return line(linked.timeMillis(), "LINKED", linked.client(), "", "target " + Addresses.format(linked.target()));
        }
        if (event instanceof SessionEvent.FaultInjected fault) {
            return textLine(fault.timeMillis(), "FAULT", "", "", fault.what().name()
                    + (fault.leg() == null ? "" : " " + fault.leg().name()) + " " + oneLine(fault.detail()));
        }
        if (event instanceof SessionEvent.Connected connected) {
            return line(connected.timeMillis(), "CONNECTED", connected.remote(), "",
                    "local " + Addresses.format(connected.local()));
        }
        if (event instanceof SessionEvent.Opened opened) {
            return line(opened.timeMillis(), "OPENED", opened.local(), "", "");
        }
        if (event instanceof SessionEvent.Disconnected disconnected) {
            return line(disconnected.timeMillis(), "DISCONNECTED", disconnected.remote(), "",
                    disconnected.reason().name() + unsent(disconnected.unsent()));
        }
        if (event instanceof SessionEvent.PeerFinished finished) {
            return line(finished.timeMillis(), "PEER_FINISHED", finished.remote(), "", "");
        }
        if (event instanceof SessionEvent.HalfClosed halfClosed) {
            return line(halfClosed.timeMillis(), "HALF_CLOSED", halfClosed.remote(), "", "");
        }
        if (event instanceof SessionEvent.SendQueueFull full) {
            StringBuilder peers = new StringBuilder();
            for (InetSocketAddress peer : full.peers()) {
                peers.append(peers.length() == 0 ? "" : " ").append(Addresses.format(peer));
            }
            return line(full.timeMillis(), "SEND_QUEUE_FULL", null, Integer.toString(full.peers().size()),
                    (full.skipped() ? "SKIPPED " : "NOT_SENT ") + peers);
        }
        if (event instanceof SessionEvent.Secured secured) {
            var handshake = secured.handshake();
            String peer = handshake.peerChain().isEmpty() ? "-" : handshake.peerChain().get(0).sha256();
            return line(secured.timeMillis(), "SECURED", secured.remote(), "", handshake.protocol() + " "
                    + handshake.cipherSuite() + " alpn=" + (handshake.alpn().isEmpty() ? "-" : handshake.alpn())
                    + (handshake.resumed() ? " resumed" : " new") + " " + handshake.handshakeMillis() + "ms "
                    + handshake.trustedBy().name() + " " + peer);
        }
        if (event instanceof SessionEvent.Failure failure) {
            return line(failure.timeMillis(), "FAILURE", failure.peer(), "",
                    failure.kind().name() + " " + oneLine(failure.detail()));
        }
        if (event instanceof SessionEvent.Closed closed) {
            return line(closed.timeMillis(), "CLOSED", null, "", closed.reason().name());
        }
        return null;
    }

    /** What an end left unsent, after its reason: " unsent=4 unsentBytes=62952027 cut=4157547/67108864"; "" for nothing. */
    private static String unsent(Unsent unsent) {
        if (!unsent.any()) {
            return "";
        }
        return " unsent=" + unsent.sends() + " unsentBytes=" + unsent.bytes()
                + (unsent.cut() ? " cut=" + unsent.cutWritten() + "/" + unsent.cutLength() : "");
    }

    private static String line(long timeMillis, String what, InetSocketAddress peer, String count, String text) {
        return textLine(timeMillis, what, peer == null ? "" : Addresses.format(peer), count, text);
    }

    private static String textLine(long timeMillis, String what, String peer, String count, String text) {
        return TIME.format(Instant.ofEpochMilli(timeMillis)) + '\t' + what + '\t'
                + (peer == null ? "" : peer) + '\t' + count + '\t' + text + '\n';
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    }
}
