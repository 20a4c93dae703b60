package io.socketdeck.ui.udp;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.net.MulticastInterfaces;
import io.socketdeck.testsupport.Await;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.testfx.api.FxRobot;

/** Drives the real UDP tab the way a user does: fields, buttons, and what the log shows. */
final class UdpTabDriver {

    private final FxRobot robot;
    private final UdpViewModel viewModel;

    UdpTabDriver(FxRobot robot, MainWindow window) {
        this.robot = robot;
        this.viewModel = window.tab(UdpViewModel.class);
        runFx(() -> MainWindowFixture.showTab(window.root(), "tabUdp"));
    }

    UdpViewModel viewModel() {
        return viewModel;
    }

    void type(String id, String text) {
        FxTesting.setText(robot, id, text);
    }

    void bindTo(String host, String port) {
        ComboBox<?> combo = FxTesting.lookup(robot, "#udpBindHost").queryComboBox();
        runFx(() -> combo.getEditor().setText(host));
        type("#udpBindPort", port);
    }

    void remote(String host, int port) {
        type("#udpRemoteHost", host);
        type("#udpRemotePort", Integer.toString(port));
    }

    void encoding(String name) {
        ComboBox<Charset> encoding = FxTesting.lookup(robot, "#udpEncoding").queryComboBox();
        runFx(() -> encoding.setValue(Charset.forName(name)));
    }

    void multicastInterface(String name) {
        ComboBox<MulticastInterfaces.Choice> combo = FxTesting.lookup(robot, "#udpMulticastInterface").queryComboBox();
        runFx(() -> combo.setValue(combo.getItems().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no interface " + name + " among " + combo.getItems()))));
    }

    void input(String text) {
        TextArea input = FxTesting.lookup(robot, "#udpInput").queryAs(TextArea.class);
        runFx(() -> input.setText(text));
    }

    void click(String id) {
        FxTesting.click(robot, id);
    }

    /** Clicks Multicast, which shows the multicast row (hidden until asked for). */
    void showMulticast() {
        if (!onFx(() -> viewModel.multicast().shownProperty().get())) {
            FxTesting.click(robot, "#udpMulticast");
        }
        awaitFx(() -> FxTesting.lookup(robot, "#udpJoin").query().isVisible() && FxTesting.lookup(robot, "#udpJoin")
                .query().getScene() != null,
                "the multicast row is shown");
    }

    /** Types {@code text} into the send box and clicks Send. */
    void send(String text) {
        input(text);
        click("#udpSend");
    }

    void open() {
        click("#udpOpen");
        awaitState(ConnectionState.OPEN);
    }

    void close() {
        click("#udpOpen");
        awaitState(ConnectionState.IDLE);
    }

    void awaitState(ConnectionState state) {
        awaitFx(() -> viewModel.stateProperty().get() == state,
                () -> "state " + state + ", log: " + onFx(() -> texts(entries())));
    }

    String label(String id) {
        return FxTesting.labelText(robot, id);
    }

    List<LogEntry> entries() {
        ListView<LogEntry> log = FxTesting.lookup(robot, "#udpLog").queryListView();
        return onFx(() -> List.copyOf(log.getItems()));
    }

    /** Waits for a log entry that matches, and returns it. */
    LogEntry awaitEntry(Predicate<LogEntry> matching, String what) {
        Await.until(() -> entries().stream().anyMatch(matching), FxTesting.TIMEOUT, () -> what + "; log: " + texts(entries()));
        return entries().stream().filter(matching).findFirst().orElseThrow();
    }

    LogEntry awaitRx(String text) {
        return awaitEntry(e -> e.kind() == LogEntry.Kind.RX && text.equals(e.text()), "RX \"" + text + "\"");
    }

    Optional<String> lastError() {
        return Optional.ofNullable(lastErrorEntry()).map(LogEntry::message);
    }

    /** The newest error row, or null. */
    LogEntry lastErrorEntry() {
        return entries().stream().filter(e -> e.kind() == LogEntry.Kind.ERROR).reduce((a, b) -> b).orElse(null);
    }

    static List<String> texts(List<LogEntry> entries) {
        return entries.stream().map(e -> e.kind() + " " + e.peer() + " " + (e.isData() ? e.text() : e.message())).toList();
    }
}
