package io.socketdeck.ui.tab;

import io.socketdeck.ui.capture.CaptureModel;
import io.socketdeck.ui.common.PersistedFields;
import io.socketdeck.ui.log.CountersModel;
import io.socketdeck.ui.log.TrafficLog;
import io.socketdeck.ui.send.SendModel;
import io.socketdeck.ui.send.SendTargetChoice;
import io.socketdeck.ui.send.SendToolkit;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import java.util.List;
import java.util.function.Supplier;

/**
 * The traffic side every tab has, built once: the log, the exact counters, the capture to file,
 * the live rates and the send tools. A tab adds only its own connection logic and says where a
 * send goes.
 */
public final class TabTraffic {

    private final TrafficLog log = new TrafficLog();
    private final CountersModel counters = new CountersModel(new TrafficCounters());
    private final CaptureModel capture = new CaptureModel(log);
    private final ThroughputModel throughput = new ThroughputModel(counters.engineCounters());
    private final SendToolkit sendTools;
    private final boolean datagrams;

    /**
     * @param targets   where Send goes right now, or why nowhere
     * @param datagrams true for UDP: each read is a whole message, files go out as datagrams
     */
    public TabTraffic(Supplier<SendTargetChoice> targets, boolean datagrams) {
        this.datagrams = datagrams;
        sendTools = new SendToolkit(targets, log, datagrams);
        log.revisionProperty().addListener((obs, old, now) -> counters.refresh());
    }

    /**
     * The listener for a new session of this tab. The capture comes first: it has every byte
     * before the view's queue may drop any under a flood.
     */
    public SessionListener newSessionListener() {
        return SessionListener.all(List.of(capture.listener(), datagrams ? log.newDatagramIngest() : log.newIngest()));
    }

    /** As {@link #newSessionListener()} for a server: clients arrive, it listens, sends may go to many. */
    public SessionListener newServerSessionListener() {
        return SessionListener.all(List.of(capture.listener(), log.newServerIngest()));
    }

    /** The engine-side counters every session of the tab adds to. */
    public TrafficCounters engineCounters() {
        return counters.engineCounters();
    }

    /** What the log and the send tools remember, under "log" and "send". */
    public PersistedFields persisted() {
        return new PersistedFields().nested("log", log.persisted()).nested("send", sendTools.persisted());
    }

    /** Stops what runs in the background: repeat and file sends, the capture, the rate timer. */
    public void shutdown() {
        sendTools.stopAll();
        capture.stop();
        throughput.stop();
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

    public SendModel sendBox() {
        return sendTools.box();
    }
}
