package io.socketdeck.ui.session;

import io.socketdeck.core.codec.StreamTextDecoder;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns one session's events into log entries on that session's I/O thread: decodes each
 * stream with its own split-safe decoder and writes event text, so the FX thread only moves
 * finished entries into the list.
 */
final class LogIngest implements SessionListener {

    private final Supplier<Charset> charset;
    private final int previewChars;
    private final Consumer<LogEntry> out;
    private final Map<StreamKey, StreamTextDecoder> decoders = new HashMap<>();
    // Formatting an address costs more than a map lookup; peers repeat on every read.
    private final Map<InetSocketAddress, String> peerNames = new HashMap<>();
    private InetSocketAddress lastPeer;
    private String lastPeerName;

    LogIngest(Supplier<Charset> charset, int previewChars, Consumer<LogEntry> out) {
        this.charset = charset;
        this.previewChars = previewChars;
        this.out = out;
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Data data) {
            out.accept(dataEntry(data));
        } else if (event instanceof SessionEvent.Connected connected) {
            out.accept(LogEntry.event(connected.timeMillis(), LogEntry.Kind.INFO, peerName(connected.remote()),
                    EventTexts.connected(connected), connected));
        } else if (event instanceof SessionEvent.Opened opened) {
            out.accept(LogEntry.event(opened.timeMillis(), LogEntry.Kind.INFO, peerName(opened.local()),
                    EventTexts.opened(opened), opened));
        } else if (event instanceof SessionEvent.Disconnected disconnected) {
            String peer = peerName(disconnected.remote());
            forget(peer);
            LogEntry.Kind kind = EventTexts.isError(disconnected.reason()) ? LogEntry.Kind.ERROR : LogEntry.Kind.INFO;
            out.accept(LogEntry.event(disconnected.timeMillis(), kind, peer,
                    EventTexts.disconnected(disconnected), disconnected));
            peerNames.remove(disconnected.remote());
            lastPeer = null;
        } else if (event instanceof SessionEvent.Failure failure) {
            String peer = failure.peer() == null ? "" : peerName(failure.peer());
            out.accept(LogEntry.event(failure.timeMillis(), LogEntry.Kind.ERROR, peer,
                    EventTexts.failure(failure), failure));
        } else if (event instanceof SessionEvent.Closed) {
            out.accept(LogEntry.controlOnly(event));
        }
    }

    private LogEntry dataEntry(SessionEvent.Data data) {
        LogEntry.Kind kind = data.direction() == Direction.RX ? LogEntry.Kind.RX : LogEntry.Kind.TX;
        String peer = peerName(data.peer());
        StreamTextDecoder decoder = decoderFor(new StreamKey(peer, kind));
        byte[] bytes = data.bytes();
        return LogEntry.data(data.timeMillis(), kind, peer, bytes, decoder.charset(),
                decoder.decodePreview(bytes, 0, bytes.length, previewChars));
    }

    private StreamTextDecoder decoderFor(StreamKey key) {
        Charset current = charset.get();
        StreamTextDecoder decoder = decoders.get(key);
        if (decoder == null || !decoder.charset().equals(current)) {
            decoder = new StreamTextDecoder(current);
            decoders.put(key, decoder);
        }
        return decoder;
    }

    private void forget(String peer) {
        decoders.remove(new StreamKey(peer, LogEntry.Kind.RX));
        decoders.remove(new StreamKey(peer, LogEntry.Kind.TX));
    }

    private String peerName(InetSocketAddress address) {
        if (address != lastPeer) { // a connection reports the same address object on every read
            lastPeerName = peerNames.computeIfAbsent(address, Addresses::format);
            lastPeer = address;
        }
        return lastPeerName;
    }
}
