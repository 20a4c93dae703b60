package io.socketdeck.ui.tab;

import io.socketdeck.ui.capture.CaptureControls;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.log.TrafficLogPane;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.respond.RulesPane;
import io.socketdeck.ui.send.SendPane;
import javafx.scene.Node;

/** Binds a tab's log and send panes to its traffic: the same few lines for every tab. */
public final class TrafficPanes {

    private TrafficPanes() {
    }

    /**
     * @param scope the tab's root: Ctrl+1..9 send quick commands wherever the focus is in it, and its
     *              split panes' dividers stay where the user left them when the views are built again
     */
    public static void bind(TrafficLogPane logPane, SendPane sendPane, TabTraffic traffic, QuickCommandsModel commands,
                            Node scope) {
        logPane.bind(traffic.log(), traffic.counters());
        CaptureControls.bind(logPane.captureButton(), logPane.captureStatusLabel(), traffic.capture(),
                "socketdeck-" + logPane.getIdPrefix() + "-capture.bin", () -> traffic.log().charsetProperty().get());
        sendPane.bind(traffic.sendTools(), commands, traffic.log(), scope);
        logPane.echoButton().selectedProperty().bindBidirectional(traffic.responses().echoProperty());
        logPane.bindRoundTrips(traffic.roundTrips());
        logPane.timelineStrip().bind(traffic.timeline(), (kind, text) -> traffic.log().note(kind, text));
        String prefix = logPane.getIdPrefix();
        sendPane.addSideTab(prefix + "RulesTab", I18n.text("rule.tab"), new RulesPane(prefix, traffic.responses(),
                (kind, text) -> traffic.log().note(kind, text)));
        KeptDividers.bind(traffic.dividers(), scope);
    }
}
