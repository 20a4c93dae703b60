package io.socketdeck.ui.tcpserver;

import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.tab.TabContext;
import io.socketdeck.ui.tab.TabKind;
import javafx.scene.Parent;

/** The TCP server tab: listen, serve any number of clients, send to all or some. */
public final class TcpServerTab extends TabKind<TcpServerViewModel> {

    public TcpServerTab() {
        super("tabTcpServer", "serverStatus", "tab.tcpServer", "fth-server");
    }

    @Override
    public TcpServerViewModel createModel(TabContext context) {
        return new TcpServerViewModel(context);
    }

    @Override
    public Parent createView(TcpServerViewModel model, QuickCommandsModel quickCommands) {
        return Fxml.loadView(TcpServerTab.class, "TcpServerView.fxml", type -> new TcpServerController(model, quickCommands));
    }
}
