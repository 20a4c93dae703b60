package io.socketdeck.ui.tcpclient;

import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.quick.QuickCommandsModel;
import io.socketdeck.ui.tab.TabContext;
import io.socketdeck.ui.tab.TabKind;
import javafx.scene.Parent;

/** The TCP client tab: connect to a host and port, send and watch the replies. */
public final class TcpClientTab extends TabKind<TcpClientViewModel> {

    public TcpClientTab() {
        super("tabTcpClient", "clientStatus", "tab.tcpClient", "fth-arrow-up-right");
    }

    @Override
    public TcpClientViewModel createModel(TabContext context) {
        return new TcpClientViewModel(context);
    }

    @Override
    public Parent createView(TcpClientViewModel model, QuickCommandsModel quickCommands) {
        return Fxml.loadView(TcpClientTab.class, "TcpClientView.fxml", type -> new TcpClientController(model, quickCommands));
    }
}
