package io.socketdeck.core.log;

import io.socketdeck.core.codec.StreamTextDecoder;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.text.EventTexts;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A relay's rows for {@link LogIngest}: relayed bytes decoded per connection and per leg, each
 * with its own split-safe decoder (a character cut between two reads of one leg is joined, and
 * never with the other leg's bytes), the row's peer naming the way they went
 * ({@code 127.0.0.1:5000 → 127.0.0.1:80}); client to target as RX, target to client as TX, so the
 * two directions keep the log's two colours. I/O thread only, as the ingest.
 */
final class RelayRows {

    private final Supplier<Charset> charset;
    private final int previewChars;
    private final boolean datagrams;
    private final Map<Long, Legs> connections = new HashMap<>();

    RelayRows(Supplier<Charset> charset, int previewChars, boolean datagrams) {
        this.charset = charset;
        this.previewChars = previewChars;
        this.datagrams = datagrams;
    }

    LogEntry relayed(SessionEvent.Relayed relayed) {
        Stream stream = connections.computeIfAbsent(relayed.connection(), id -> new Legs()).of(relayed.leg());
        String peer = stream.path(relayed.from(), relayed.to());
        StreamTextDecoder decoder = stream.decoder(charset.get());
        LogEntry.Kind kind = relayed.leg() == Leg.UP ? LogEntry.Kind.RX : LogEntry.Kind.TX;
        byte[] bytes = relayed.bytes();
        LogEntry entry = datagrams
                ? LogEntry.message(relayed.timeMillis(), kind, peer, bytes, decoder.charset(),
                        decoder.decodeWholePreview(bytes, 0, bytes.length, previewChars))
                : LogEntry.data(relayed.timeMillis(), kind, peer, bytes, decoder.charset(),
                        decoder.decodePreview(bytes, 0, bytes.length, previewChars));
        if (relayed.injected()) {
            entry.markAutomatic(); // not what the peer sent: shown as the application's own
        }
        return entry;
    }

    /** The peer text of a fault row: the leg's path when its connection has shown bytes, else none. */
    String faultPeer(SessionEvent.FaultInjected fault) {
        Legs legs = connections.get(fault.connection());
        if (legs == null || fault.leg() == null) {
            return "";
        }
        String path = legs.of(fault.leg()).path;
        return path == null ? "" : path;
    }

    /** The connection has ended: its decoders and names go. */
    void forget(long connection) {
        connections.remove(connection);
    }

    /** Connections with decoders held, for tests of the bound. */
    int connections() {
        return connections.size();
    }

    private static final class Legs {
        final Stream up = new Stream();
        final Stream down = new Stream();

        Stream of(Leg leg) {
            return leg == Leg.UP ? up : down;
        }
    }

    /** One leg of one connection: its decoder and its path text, formatted once. */
    private static final class Stream {
        private StreamTextDecoder decoder;
        private InetSocketAddress from;
        private InetSocketAddress to;
        private String path;

        String path(InetSocketAddress newFrom, InetSocketAddress newTo) {
            if (!newFrom.equals(from) || !newTo.equals(to)) {
                from = newFrom;
                to = newTo;
                path = EventTexts.relayPath(newFrom, newTo);
            }
            return path;
        }

        StreamTextDecoder decoder(Charset current) {
            if (decoder == null || !decoder.charset().equals(current)) {
                decoder = new StreamTextDecoder(current);
            }
            return decoder;
        }
    }
}
