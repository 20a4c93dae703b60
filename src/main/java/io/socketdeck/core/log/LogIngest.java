package io.socketdeck.core.log;

import io.socketdeck.core.codec.StreamTextDecoder;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.text.EventTexts;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns one session's events into log entries on that session's I/O thread: decodes each
 * stream with its own split-safe decoder and writes event text, so the FX thread only moves
 * finished entries into the list.
 *
 * <p>Datagrams are decoded each on its own instead. A datagram is a whole message: a sender
 * encodes each one completely, and the next one may come from another program on the same host
 * and port. Carrying a broken tail from one datagram into the next would garble a message that
 * was fine and hide which datagram was broken; its own replacement mark shows exactly that.
 *
 * <p>A relay's bytes are rows per connection and direction, each direction decoded on its own
 * (see {@link RelayRows}); what the relay injected on purpose is an event row.
 *
 * <p>A storm of clients connecting, completing their TLS handshakes, linked through a relay or
 * leaving is folded into summary rows (see {@link StormFolder});
 * every other event is a row of its own.
 */
public final class LogIngest implements SessionListener {

    /** How the session's bytes come: a byte stream per peer (TCP) or self-contained datagrams (UDP). */
    public enum Boundaries {
        STREAM, DATAGRAM
    }

    /** A UDP port may hear from any number of senders; the name cache must not grow with them. */
    static final int MAX_PEER_NAMES = 4096;
    private final Supplier<Charset> charset;
    private final int previewChars;
    private final Consumer<LogEntry> out;
    private final Boundaries boundaries;
    private final boolean serverSide;
    private final Map<StreamKey, StreamTextDecoder> decoders = new HashMap<>();
    private StreamTextDecoder messageDecoder;
    // Formatting an address costs more than a map lookup; peers repeat on every read. Keyed by
    // content, so a new address object for the same sender still finds its name.
    private final Map<InetSocketAddress, String> peerNames = new HashMap<>();
    private InetSocketAddress lastPeer;
    private String lastPeerName;
    private final RecentErrors recentErrors;
    private final Consumer<LogEntry> repeated;
    /**
     * Storms of arrivals, of clients finishing their sending and of departures, folded into
     * summary rows; guarded by {@code arrivals}.
     */
    private final StormFolder arrivals = new StormFolder();
    private final StormFolder finishes = new StormFolder();
    private final StormFolder departures = new StormFolder();
    /** A TLS server's storm of arrivals is followed by one of handshakes: folded the same way. */
    private final StormFolder handshakes = new StormFolder();
    /** A relay's storm of arrivals is followed by one of links to the target. */
    private final StormFolder links = new StormFolder();
    /** A relay's rows: bytes decoded per connection and leg. */
    private final RelayRows relayRows;
    /** True while folded events wait to be said: read on every event, so volatile, not the lock. */
    private volatile boolean foldedWaiting;
    private Consumer<LogIngest> onFolding = ingest -> { };

    public LogIngest(Supplier<Charset> charset, int previewChars, Consumer<LogEntry> out) {
        this(charset, previewChars, out, Boundaries.STREAM, false);
    }

    /**
     * @param boundaries    streams (TCP: one decoder per peer and direction) or datagrams (each alone)
     * @param serverSide true for a server's log: a connection is a client arriving ("Client X
     *                   connected") and opening is listening, rather than "Connected to X"
     */
    public LogIngest(Supplier<Charset> charset, int previewChars, Consumer<LogEntry> out, Boundaries boundaries,
                     boolean serverSide) {
        this(charset, previewChars, out, boundaries, serverSide, entry -> { });
    }

    /**
     * @param repeated told, on the session's thread, when an error row already handed to {@code out}
     *                 counts one more occurrence ({@link LogEntry#repeats()}): a view redraws it
     */
    public LogIngest(Supplier<Charset> charset, int previewChars, Consumer<LogEntry> out, Boundaries boundaries,
                     boolean serverSide, Consumer<LogEntry> repeated) {
        this(charset, previewChars, out, boundaries, serverSide, repeated, new RecentErrors());
    }

    /**
     * @param recentErrors where repeated errors are counted: the log's own, shared by all its
     *                     sessions' ingests, so a reconnecting client's refusals fold into one row
     */
    public LogIngest(Supplier<Charset> charset, int previewChars, Consumer<LogEntry> out, Boundaries boundaries,
                     boolean serverSide, Consumer<LogEntry> repeated, RecentErrors recentErrors) {
        this.recentErrors = recentErrors;
        this.repeated = repeated;
        this.charset = charset;
        this.previewChars = previewChars;
        this.out = out;
        this.boundaries = boundaries;
        this.serverSide = serverSide;
        this.relayRows = new RelayRows(charset, previewChars, boundaries == Boundaries.DATAGRAM);
    }

    /**
     * {@code onFolding} is told (on the I/O thread) when this starts folding a storm: its owner
     * then calls {@link #sayFolded} now and then, so the summary also comes when the storm ends
     * and nothing follows it.
     */
    public LogIngest whenFolding(Consumer<LogIngest> onFolding) {
        this.onFolding = onFolding;
        return this;
    }

    /** True while folded events of a storm wait to be said. Any thread. */
    public boolean hasFolded() {
        return foldedWaiting;
    }

    /**
     * Says the folded events whose window closed before {@code nowMillis} (all of them with
     * {@code Long.MAX_VALUE}) as summary rows. Any thread.
     */
    public void sayFolded(long nowMillis) {
        synchronized (arrivals) {
            sayIfDue(arrivals, nowMillis, summary -> EventTexts.arrivalsFolded(summary.count(), summary.seconds()));
            sayIfDue(finishes, nowMillis, summary -> EventTexts.finishesFolded(summary.count(), summary.seconds()));
            sayIfDue(departures, nowMillis, summary -> EventTexts.departuresFolded(summary.count(), summary.seconds(),
                    summary.reasons(), summary.unsentSends(), summary.unsentBytes()));
            sayIfDue(handshakes, nowMillis, summary -> EventTexts.securedFolded(summary.count(), summary.seconds()));
            sayIfDue(links, nowMillis, summary -> EventTexts.linkedFolded(summary.count(), summary.seconds()));
            foldedWaiting = arrivals.folded() > 0 || finishes.folded() > 0 || departures.folded() > 0
                    || handshakes.folded() > 0 || links.folded() > 0;
        }
    }

    /** One summary row for {@code folder}'s storm once its window has closed; holding the fold lock. */
    private void sayIfDue(StormFolder folder, long nowMillis, Function<StormFolder.Summary, String> text) {
        if (folder.isDue(nowMillis)) {
            StormFolder.Summary summary = folder.takeSummary();
            // Sends the ends cut off are a problem, as each end's own row would have said.
            LogEntry.Kind kind = summary.unsentSends() > 0 ? LogEntry.Kind.ERROR : LogEntry.Kind.INFO;
            out.accept(LogEntry.event(summary.lastMillis(), kind, "", text.apply(summary)));
        }
    }

    /** True when the event is a row of its own; false when a storm folded it into a later summary row. */
    private boolean shownAlone(SessionEvent event) {
        if (foldedWaiting) {
            sayFolded(event.timeMillis());
        }
        boolean alone;
        synchronized (arrivals) {
            if (event instanceof SessionEvent.Connected) {
                alone = arrivals.admit(event.timeMillis(), null);
            } else if (event instanceof SessionEvent.PeerFinished) {
                alone = finishes.admit(event.timeMillis(), null);
            } else if (event instanceof SessionEvent.Disconnected disconnected) {
                alone = departures.admit(event.timeMillis(), disconnected.reason(), disconnected.unsent());
            } else if (event instanceof SessionEvent.Secured && serverSide) {
                alone = handshakes.admit(event.timeMillis(), null);
            } else if (event instanceof SessionEvent.Linked) {
                alone = links.admit(event.timeMillis(), null);
            } else {
                return true;
            }
            if (!alone && !foldedWaiting) {
                foldedWaiting = true;
                onFolding.accept(this);
            }
        }
        return alone;
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (foldedWaiting && !(event instanceof SessionEvent.Connected || event instanceof SessionEvent.PeerFinished
                || event instanceof SessionEvent.Disconnected || event instanceof SessionEvent.Secured
                || event instanceof SessionEvent.Linked)) {
            sayFolded(event instanceof SessionEvent.Closed ? Long.MAX_VALUE : event.timeMillis());
        }
        if (event instanceof SessionEvent.Data data) {
            out.accept(dataEntry(data));
        } else if (event instanceof SessionEvent.Relayed relayed) {
            out.accept(relayRows.relayed(relayed));
        } else if (event instanceof SessionEvent.FaultInjected fault) {
            out.accept(LogEntry.event(fault.timeMillis(), LogEntry.Kind.INFO, relayRows.faultPeer(fault),
                    EventTexts.relayFault(fault)));
        } else if (event instanceof SessionEvent.Linked linked) {
            if (shownAlone(linked)) {
                out.accept(LogEntry.event(linked.timeMillis(), LogEntry.Kind.INFO, peerName(linked.client()),
                        EventTexts.linked(linked)));
            }
        } else if (event instanceof SessionEvent.SentToMany sent) {
            out.accept(sentToManyEntry(sent));
        } else if (event instanceof SessionEvent.Connected connected) {
            if (shownAlone(connected)) {
                out.accept(LogEntry.event(connected.timeMillis(), LogEntry.Kind.INFO, peerName(connected.remote()),
                        serverSide ? EventTexts.accepted(connected) : EventTexts.connected(connected)));
            }
        } else if (event instanceof SessionEvent.Opened opened) {
            out.accept(LogEntry.event(opened.timeMillis(), LogEntry.Kind.INFO, peerName(opened.local()),
                    serverSide ? EventTexts.listening(opened) : EventTexts.opened(opened)));
        } else if (event instanceof SessionEvent.Disconnected disconnected) {
            if (!decoders.isEmpty()) { // a storm of clients that sent nothing leaves nothing to forget
                forget(peerName(disconnected.remote()));
            }
            relayRows.forget(disconnected.connection());
            if (shownAlone(disconnected)) {
                String peer = peerName(disconnected.remote());
                String text = EventTexts.disconnected(disconnected);
                // Sends an end cut off are a problem whatever the end: never an information row.
                if (EventTexts.isError(disconnected.reason()) || disconnected.unsent().any()) {
                    error(disconnected.timeMillis(), peer, text);
                } else {
                    out.accept(LogEntry.event(disconnected.timeMillis(), LogEntry.Kind.INFO, peer, text));
                }
            }
            peerNames.remove(disconnected.remote());
            lastPeer = null;
        } else if (event instanceof SessionEvent.PeerFinished finished) {
            if (shownAlone(finished)) {
                out.accept(LogEntry.event(finished.timeMillis(), LogEntry.Kind.INFO, peerName(finished.remote()),
                        EventTexts.peerFinished(finished)));
            }
        } else if (event instanceof SessionEvent.HalfClosed halfClosed) {
            out.accept(LogEntry.event(halfClosed.timeMillis(), LogEntry.Kind.INFO, peerName(halfClosed.remote()),
                    EventTexts.halfClosed(halfClosed)));
        } else if (event instanceof SessionEvent.OptionsApplied applied) {
            String peer = applied.peer() == null || applied.clients() > 1 ? "" : peerName(applied.peer());
            String text = EventTexts.optionsApplied(applied);
            if (applied.hasProblem()) {
                error(applied.timeMillis(), peer, text); // never silent: what could not be set is a problem row
            } else {
                out.accept(LogEntry.event(applied.timeMillis(), LogEntry.Kind.INFO, peer, text));
            }
        } else if (event instanceof SessionEvent.Failure failure) {
            String peer = failure.peer() == null ? "" : peerName(failure.peer());
            error(failure.timeMillis(), peer, EventTexts.failure(failure), chain(failure.peerChain()));
        } else if (event instanceof SessionEvent.SendQueueFull full) {
            String peer = full.peers().size() == 1 ? peerName(full.peers().get(0)) : EventTexts.clients(full.peers().size());
            error(full.timeMillis(), peer, EventTexts.sendQueueFull(full));
        } else if (event instanceof SessionEvent.Secured secured) {
            if (shownAlone(secured)) {
                out.accept(LogEntry.event(secured.timeMillis(), LogEntry.Kind.INFO, peerName(secured.remote()),
                        EventTexts.secured(secured), chain(secured.handshake().peerChain())));
            }
        } else if (event instanceof SessionEvent.MulticastJoined joined) {
            out.accept(LogEntry.event(joined.timeMillis(), LogEntry.Kind.INFO, "",
                    EventTexts.multicastJoined(joined)));
        } else if (event instanceof SessionEvent.MulticastLeft left) {
            out.accept(LogEntry.event(left.timeMillis(), LogEntry.Kind.INFO, "", EventTexts.multicastLeft(left)));
        }
        // Closed has no row: the tab's status says it, and a failure before it has its own row.
    }

    private LogEntry dataEntry(SessionEvent.Data data) {
        LogEntry.Kind kind = data.direction() == Direction.RX ? LogEntry.Kind.RX : LogEntry.Kind.TX;
        String peer = peerName(data.peer());
        byte[] bytes = data.bytes();
        if (boundaries == Boundaries.DATAGRAM) {
            StreamTextDecoder decoder = messageDecoder();
            LogEntry entry = LogEntry.message(data.timeMillis(), kind, peer, bytes, decoder.charset(),
                    decoder.decodeWholePreview(bytes, 0, bytes.length, previewChars));
            return marked(entry, data);
        }
        StreamTextDecoder decoder = decoderFor(new StreamKey(peer, kind));
        LogEntry entry = LogEntry.data(data.timeMillis(), kind, peer, bytes, decoder.charset(),
                decoder.decodePreview(bytes, 0, bytes.length, previewChars));
        return marked(entry, data);
    }

    /** Marks what the row's event says beyond its bytes: an automatic send, the round trip of an answer. */
    private static LogEntry marked(LogEntry entry, SessionEvent.Data data) {
        if (data.automatic()) {
            entry.markAutomatic();
        }
        return data.roundTripNanos() >= 0 ? entry.markRoundTrip(data.roundTripNanos()) : entry;
    }

    /**
     * An error row, or one more count in the row of the same error about the same peer when that
     * row appeared less than {@link RecentErrors#REPEAT_WINDOW_MILLIS} ago.
     */
    private void error(long timeMillis, String peer, String text) {
        error(timeMillis, peer, text, null);
    }

    /** A TLS peer's certificates, one a line, its own first: a row's detail; null for none. */
    private static String chain(List<PeerCertificate> certificates) {
        if (certificates.isEmpty()) {
            return null;
        }
        StringBuilder lines = new StringBuilder();
        for (PeerCertificate certificate : certificates) {
            lines.append(lines.length() == 0 ? "" : "\n").append(EventTexts.certificate(certificate));
        }
        return lines.toString();
    }

    private void error(long timeMillis, String peer, String text, String detail) {
        LogEntry entry = LogEntry.event(timeMillis, LogEntry.Kind.ERROR, peer, text, detail);
        LogEntry earlier = recentErrors.repeatOrKeep(peer + '\u0000' + text, entry);
        if (earlier != null) {
            repeated.accept(earlier);
        } else {
            out.accept(entry);
        }
    }

    /**
     * One TX row for a payload sent to many clients, named by how many. Each send is a whole
     * message, so it gets a fresh decoder rather than a stream's carried-over bytes.
     */
    private LogEntry sentToManyEntry(SessionEvent.SentToMany sent) {
        if (sent.recipients() == 0) {
            return LogEntry.event(sent.timeMillis(), LogEntry.Kind.ERROR, "", EventTexts.sentToNone());
        }
        StreamTextDecoder decoder = new StreamTextDecoder(charset.get());
        byte[] bytes = sent.bytes();
        return LogEntry.data(sent.timeMillis(), LogEntry.Kind.TX, EventTexts.clients(sent.recipients()), bytes,
                decoder.charset(), decoder.decodePreview(bytes, 0, bytes.length, previewChars));
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

    // One decoder serves every datagram: decodeWholePreview leaves nothing behind in it.
    private StreamTextDecoder messageDecoder() {
        Charset current = charset.get();
        if (messageDecoder == null || !messageDecoder.charset().equals(current)) {
            messageDecoder = new StreamTextDecoder(current);
        }
        return messageDecoder;
    }

    private void forget(String peer) {
        decoders.remove(new StreamKey(peer, LogEntry.Kind.RX));
        decoders.remove(new StreamKey(peer, LogEntry.Kind.TX));
    }

    /** Sender names held, for tests of the bound. */
    int cachedPeerNames() {
        return peerNames.size();
    }

    private String peerName(InetSocketAddress address) {
        if (address != lastPeer) { // a connection reports the same address object on every read
            String name = peerNames.get(address);
            if (name == null) {
                if (peerNames.size() >= MAX_PEER_NAMES) {
                    peerNames.clear(); // a scan of many ports: forgetting costs only re-formatting
                }
                name = Addresses.format(address);
                peerNames.put(address, name);
            }
            lastPeerName = name;
            lastPeer = address;
        }
        return lastPeerName;
    }
}
