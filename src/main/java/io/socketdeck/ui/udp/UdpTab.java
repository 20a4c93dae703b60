package io.socketdeck.ui.udp;

import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.tab.TabContext;
import io.socketdeck.ui.tab.TabKind;
import javafx.scene.Parent;

/** The UDP tab: bind a socket, send datagrams, watch who sends what. */
public final class UdpTab extends TabKind<UdpViewModel> {

    public UdpTab() {
        super("tabUdp", "udpStatus", "tab.udp", "fth-radio");
    }

    @Override
    public UdpViewModel createModel(TabContext context) {
        return new UdpViewModel(context);
    }

    @Override
    public Parent createView(UdpViewModel model, QuickCommandsModel quickCommands) {
        return Fxml.loadView(UdpTab.class, "UdpView.fxml", type -> new UdpController(model, quickCommands));
    }
}
