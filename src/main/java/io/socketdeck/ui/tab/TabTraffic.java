package io.socketdeck.ui.tab;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.respond.Responder;
import io.socketdeck.core.session.Replies;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.ui.capture.CaptureModel;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.log.CountersModel;
import io.socketdeck.ui.log.RoundTripModel;
import io.socketdeck.ui.log.TrafficLog;
import io.socketdeck.ui.respond.ResponsesModel;
import io.socketdeck.ui.send.SendModel;
import io.socketdeck.ui.send.SendTargetChoice;
import io.socketdeck.ui.send.SendToolkit;
import io.socketdeck.ui.timeline.TimelineModel;
import java.util.function.Supplier;

/**
 * The traffic side every tab has, built once: the log, the exact counters, the capture to file,
 * the live rates and the send tools, all refreshed by the window's tick. A tab adds only its own
 * connection logic and says where a send goes.
 */
public final class TabTraffic {

    private final TrafficLog log;
    private final CountersModel counters;
    private final CaptureModel capture;
    private final ThroughputModel throughput;
    private final SendToolkit sendTools;
    private final ResponsesModel responses;
    private final RoundTripModel roundTrips;
    private final TimelineModel timeline;
    private final DividerPlaces dividers = new DividerPlaces();
    private final boolean datagrams;

    /**
     * @param targets   where Send goes right now, or why nowhere
     * @param datagrams true for UDP: each read is a whole message, files go out as datagrams
     */
    public TabTraffic(UiTick tick, Supplier<SendTargetChoice> targets, boolean datagrams) {
        this.datagrams = datagrams;
        TrafficCounters engineCounters = new TrafficCounters();
        log = new TrafficLog(tick);
        counters = new CountersModel(tick, engineCounters);
        capture = new CaptureModel(tick, log);
        throughput = new ThroughputModel(tick, engineCounters);
        sendTools = new SendToolkit(tick, targets, log, capture::recordsSent, datagrams);
        responses = new ResponsesModel(tick, message -> log.note(LogEntry.Kind.ERROR, message));
        roundTrips = new RoundTripModel(tick);
        timeline = new TimelineModel(tick);
    }

    /**
     * The listener for a new session of this tab: the capture first (it has every byte before the
     * view's queue may drop any under a flood), then the log's rows, then the counters and rates
     * are told something moved. State goes to {@code state}, the tab's own channel.
     *
     * @param serverSide a server's log: clients arrive, it listens, sends may go to many
     * @param onTraffic  told on the I/O thread after each data event; must be cheap (wake a job)
     */
    SessionListener newSessionListener(SessionListener state, boolean serverSide, Runnable onTraffic) {
        SessionListener rows = datagrams ? log.newDatagramIngest() : serverSide ? log.newServerIngest() : log.newIngest();
        SessionListener captured = capture.listener();
        SessionListener marked = timeline.listener();
        SessionListener shown = event -> {
            captured.onEvent(event);
            marked.onEvent(event);
            rows.onEvent(event);
            if (event instanceof SessionEvent.Data || event instanceof SessionEvent.SentToMany
                    || event instanceof SessionEvent.SentUnread || event instanceof SessionEvent.Relayed || event instanceof SessionEvent.FaultInjected) {
                // A relay's bytes and injected faults come by the thousand: rows, not state.
                if (event instanceof SessionEvent.Data data && data.roundTripNanos() >= 0) {
                    roundTrips.record(data.roundTripNanos());
                }
                counters.wake();
                throughput.wake();
                responses.trafficMoved();
                onTraffic.run();
            } else {
                if (event instanceof SessionEvent.Disconnected end && end.unsent().cut()) {
                    // The part of a send the end cut off was counted with no row to wake the counters.
                    counters.wake();
                    throughput.wake();
                }
                state.onEvent(event);
            }
        };
        // Last: a request's row and capture come before its answer's, which the answer re-enters.
        Responder responder = responses.newResponder(shown, log::currentCharset, sendTools.box().macros());
        return event -> {
            shown.onEvent(event);
            responder.onEvent(event);
        };
    }

    /** The session a new session's listener answers through (echo, rules), once it exists. */
    void answerThrough(Replies session) {
        responses.answerThrough(session);
    }

    /** The engine-side counters every session of the tab adds to. */
    public TrafficCounters engineCounters() {
        return counters.engineCounters();
    }

    /** What the log, the send tools and the answers remember, under "log", "send" and "respond". */
    public PersistedFields persisted() {
        return new PersistedFields().nested("log", log.persisted()).nested("send", sendTools.persisted())
                .nested("respond", responses.persisted());
    }

    /** Stops what runs in the background: repeat and file sends, the capture, a rules import. Never waits. */
    public void shutdown() {
        sendTools.shutdown();
        capture.shutdown();
        responses.shutdown();
    }

    /**
     * Waits, until {@code deadlineNanos} at the latest, for what {@link #shutdown()} left to
     * finish on other threads that must not be cut off: the capture's last bytes. On exit.
     */
    public void awaitShutdown(long deadlineNanos) {
        capture.awaitClosed(deadlineNanos);
    }

    public TrafficLog log() {
        return log;
    }

    public CountersModel counters() {
        return counters;
    }

    public CaptureModel capture() {
        return capture;
    }

    public ThroughputModel throughput() {
        return throughput;
    }

    public SendToolkit sendTools() {
        return sendTools;
    }

    public RoundTripModel roundTrips() {
        return roundTrips;
    }

    /** Where the user left the dividers between the log, the send box and what is beside it. */
    DividerPlaces dividers() {
        return dividers;
    }

    /** The tab's connection timeline: every session's state events and traffic per second. */
    public TimelineModel timeline() {
        return timeline;
    }

    public ResponsesModel responses() {
        return responses;
    }

    public SendModel sendBox() {
        return sendTools.box();
    }
}
