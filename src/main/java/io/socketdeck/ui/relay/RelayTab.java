package io.socketdeck.ui.relay;

import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.tab.TabContext;
import io.socketdeck.ui.tab.TabKind;
import javafx.scene.Parent;

/** The relay tab: sit between a client and its server, log both ways, and break the link on purpose. */
public final class RelayTab extends TabKind<RelayViewModel> {

    public RelayTab() {
        super("tabRelay", "relayStatus", "tab.relay", "fth-shuffle");
    }

    @Override
    public RelayViewModel createModel(TabContext context) {
        return new RelayViewModel(context);
    }

    @Override
    public Parent createView(RelayViewModel model, QuickCommandsModel quickCommands) {
        return Fxml.loadView(RelayTab.class, "RelayView.fxml", type -> new RelayController(model, quickCommands));
    }
}
