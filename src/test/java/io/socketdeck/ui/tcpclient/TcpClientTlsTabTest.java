package io.socketdeck.ui.tcpclient;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.settings.SettingsStore;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.SelfSigned;
import io.socketdeck.core.tls.TlsServerConfig;
import io.socketdeck.core.tls.TlsTransports;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.LayoutCheck;
import io.socketdeck.ui.tab.ConnectionState;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The client tab's TLS from the window, against our own TLS server on loopback: verified with a
 * CA file, refused then trusted by its fingerprint, insecure in red, field messages, settings
 * without passwords, and never a plaintext byte.
 */
@ExtendWith(ApplicationExtension.class)
class TcpClientTlsTabTest {

    private static final KeyMaterial LOCALHOST = SelfSigned.generate(List.of("localhost", "127.0.0.1"),
            SelfSigned.ONE_YEAR);

    private final LoopGroup group = new LoopGroup(1, LoopGroup.daemonThreads("tls-tab-test"));
    private MainWindow window;
    private TcpClientViewModel viewModel;
    private TcpServerSession server;
    private RecordingListener serverEvents;
    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        viewModel = window.tab(TcpClientViewModel.class);
    }

    @BeforeEach
    void english() {
        assertEquals(ConnectionState.IDLE, onFx(() -> viewModel.stateProperty().get()));
    }

    @AfterEach
    void tearDown() throws Exception {
        runFx(window::shutdown);
        if (server != null) {
            server.close();
        }
        group.close();
        assertTrue(group.awaitTermination(RecordingListener.TIMEOUT));
    }

    private int serve(TlsServerConfig config) {
        serverEvents = new RecordingListener();
        server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0), serverEvents,
                new TrafficCounters(), group.next(), TlsTransports.server(config));
        server.start();
        serverEvents.await(SessionEvent.Opened.class);
        return server.localAddress().getPort();
    }

    private void type(FxRobot robot, String id, String text) {
        TextField field = shown(robot, id).queryAs(TextField.class);
        runFx(() -> field.setText(text));
    }

    /**
     * The node {@code id}, its TLS section opened first when it lives there (a popup under
     * "TLS settings…", which a click elsewhere closes).
     */
    private NodeQuery shown(FxRobot robot, String id) {
        if (id.startsWith("#clientTls") && FxTesting.lookup(robot, id).tryQuery().isEmpty()) {
            awaitFx(() -> FxTesting.lookup(robot, "#clientTlsSettings").queryAs(Button.class).isVisible(),
                    "the TLS button");
            click(robot, "#clientTlsSettings");
            awaitFx(() -> FxTesting.lookup(robot, id).tryQuery().isPresent(), "the TLS section open, with " + id);
        }
        return FxTesting.lookup(robot, id);
    }

    private Path caFile() throws Exception {
        Path ca = dir.resolve("ca.pem");
        SelfSigned.writePem(LOCALHOST, ca, dir.resolve("server-key.pem"));
        return ca;
    }

    private List<LogEntry> rows(FxRobot robot) {
        ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
        return onFx(() -> List.copyOf(log.getItems()));
    }

    private String status(FxRobot robot) {
        return onFx(() -> FxTesting.lookup(robot, "#clientStatus").queryAs(Label.class).getText());
    }

    @Test
    void aVerifiedHandshakeWithACaFileOpensTheTabAndShowsTheChain(FxRobot robot) throws Exception {
        int port = serve(TlsServerConfig.of(LOCALHOST));
        click(robot, "#clientTls");
        type(robot, "#clientPort", Integer.toString(port));
        type(robot, "#clientTlsCaFile", caFile().toString());
        click(robot, "#clientConnect");
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "secured and open");

        TlsHandshake agreed = onFx(() -> viewModel.tlsPeer().handshakeProperty().get());
        assertEquals(TlsHandshake.Trust.VERIFIED, agreed.trustedBy());
        assertTrue(status(robot).contains("TLS 1.3") && status(robot).contains(agreed.cipherSuite())
                && status(robot).contains("verified"), status(robot));
        LogEntry secured = rows(robot).stream().filter(row -> row.message() != null && row.message().contains("TLSv1.3")
                && row.message().contains(agreed.cipherSuite())).findFirst().orElseThrow();
        String leaf = LOCALHOST.describe().sha256();
        assertTrue(secured.detail().contains(leaf), secured.detail());
        TextArea chain = shown(robot, "#clientTlsPeer").queryAs(TextArea.class);
        String peer = onFx(chain::getText);
        robot.type(javafx.scene.input.KeyCode.ESCAPE); // the section closes
        assertTrue(peer.contains(leaf) && peer.contains("127.0.0.1"), peer);

        click(robot, ".log-more"); // the row's chain, selectable, under the row
        awaitFx(() -> FxTesting.lookup(robot, "#logDetail").tryQuery().isPresent(), "the chain under the row");
        assertTrue(onFx(() -> FxTesting.lookup(robot, "#logDetail").queryAs(TextArea.class).getText()).contains(leaf));

        serverEvents.await(SessionEvent.Secured.class);
        runFx(() -> FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class).setText("hello over TLS"));
        robot.type(javafx.scene.input.KeyCode.ESCAPE); // the chain's popup closes
        click(robot, "#clientSend");
        assertEquals("hello over TLS", new String(serverEvents.awaitBytes(io.socketdeck.core.session.Direction.RX, 14)));
        awaitFx(() -> viewModel.traffic().counters().txBytesProperty().get() == 14
                && viewModel.traffic().counters().wireTxBytesProperty().get() > 14, "plain and wire bytes apart");
        assertTrue(onFx(() -> FxTesting.lookup(robot, "#clientWire").queryAs(Label.class).isVisible()),
                "the wire figure shows");
    }

    @Test
    void aSelfSignedServerIsRefusedInWordsThenTrustedByItsFingerprint(FxRobot robot) {
        int port = serve(TlsServerConfig.of(LOCALHOST));
        click(robot, "#clientTls");
        type(robot, "#clientPort", Integer.toString(port));
        click(robot, "#clientConnect");
        String leaf = LOCALHOST.describe().sha256();
        awaitFx(() -> leaf.equals(viewModel.tlsPeer().offeredFingerprintProperty().get()), "a fingerprint offered");
        TextField offered = shown(robot, "#clientTlsFingerprint").queryAs(TextField.class);
        awaitFx(() -> leaf.equals(offered.getText()), "the refused certificate's fingerprint shown");
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "back to idle");
        assertTrue(rows(robot).stream().anyMatch(row -> row.kind() == LogEntry.Kind.ERROR
                && row.message().contains("unknown issuer")), rows(robot).toString());
        assertTrue(onFx(() -> FxTesting.lookup(robot, "#clientHost").queryAs(TextField.class).isEditable()), "usable");
        TextArea refusedChain = shown(robot, "#clientTlsPeer").queryAs(TextArea.class);
        assertTrue(onFx(refusedChain::getText).contains("REFUSED"));

        click(robot, "#clientTlsTrust");
        TextField pins = shown(robot, "#clientTlsPin").queryAs(TextField.class);
        assertEquals(leaf, onFx(pins::getText));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertTrue(onFx(() -> viewModel.tlsPeer().noteProperty().get()).startsWith("Pinned"));
        click(robot, "#clientConnect");
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected, pinned");
        assertEquals(TlsHandshake.Trust.PINNED, onFx(() -> viewModel.tlsPeer().handshakeProperty().get().trustedBy()));
        assertTrue(status(robot).contains("pinned"), status(robot));
    }

    @Test
    void insecureIsSaidInRedWhileOn(FxRobot robot) {
        int port = serve(TlsServerConfig.of(LOCALHOST));
        click(robot, "#clientTls");
        shown(robot, "#clientTlsInsecure");
        click(robot, "#clientTlsInsecure");
        Label pill = FxTesting.lookup(robot, "#clientStatus").queryAs(Label.class);
        awaitFx(() -> pill.getPseudoClassStates().contains(PseudoClass.getPseudoClass("insecure")), "red status");
        assertTrue(status(robot).contains("NOT VERIFIED"), status(robot));
        type(robot, "#clientPort", Integer.toString(port));
        click(robot, "#clientConnect");
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected, unverified");
        assertEquals(TlsHandshake.Trust.INSECURE, onFx(() -> viewModel.tlsPeer().handshakeProperty().get().trustedBy()));
        assertTrue(status(robot).contains("NOT VERIFIED"), status(robot));
        Color fill = onFx(() -> {
            pill.applyCss();
            BackgroundFill first = pill.getBackground().getFills().get(0);
            return (Color) first.getFill();
        });
        assertTrue(fill.getRed() > fill.getGreen() + 0.2 && fill.getRed() > fill.getBlue() + 0.2, "red: " + fill);

        click(robot, "#clientConnect"); // disconnect, then switch it off: the red goes
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "idle");
        shown(robot, "#clientTlsInsecure");
        click(robot, "#clientTlsInsecure");
        awaitFx(() -> !pill.getPseudoClassStates().contains(PseudoClass.getPseudoClass("insecure")), "not red");
    }

    @Test
    void aMissingCaFileAndABadFingerprintAreSaidAtTheirFields(FxRobot robot) {
        click(robot, "#clientTls");
        type(robot, "#clientPort", "443");
        type(robot, "#clientTlsCaFile", dir.resolve("nowhere.pem").toString());
        type(robot, "#clientTlsPin", "AB:CD");
        click(robot, "#clientConnect");
        Label caError = shown(robot, "#clientTlsCaFileError").queryAs(Label.class);
        Label pinError = shown(robot, "#clientTlsPinError").queryAs(Label.class);
        awaitFx(() -> caError.isVisible() && pinError.isVisible(), "both messages");
        assertTrue(onFx(caError::getText).contains("There is no file") && onFx(caError::getText).contains("nowhere.pem"),
                onFx(caError::getText));
        assertTrue(onFx(pinError::getText).contains("is not a SHA-256 fingerprint"), onFx(pinError::getText));
        assertEquals(ConnectionState.IDLE, onFx(() -> viewModel.stateProperty().get()));
        type(robot, "#clientTlsPin", "");
        assertFalse(onFx(pinError::isVisible), "the message goes with the edit");
    }

    @Test
    void mutualTlsAsksThePasswordOnceAndTheSettingsKeepEverythingButIt(FxRobot robot) throws Exception {
        KeyMaterial device = SelfSigned.generate(List.of("device-7"), SelfSigned.ONE_YEAR);
        Path p12 = dir.resolve("device.p12");
        SelfSigned.writePkcs12(device, p12, "s3cret-pw".toCharArray());
        int port = serve(TlsServerConfig.of(LOCALHOST).withClientCertRequired(true, device.chain())
                .withAlpn(List.of("mqtt")));
        AtomicInteger asked = new AtomicInteger();
        runFx(() -> viewModel.tls().setPasswordAsker((file, wrongBefore) -> {
            asked.incrementAndGet();
            return Optional.of((wrongBefore ? "never" : "s3cret-pw").toCharArray());
        }));
        click(robot, "#clientTls");
        type(robot, "#clientPort", Integer.toString(port));
        type(robot, "#clientTlsCaFile", caFile().toString());
        type(robot, "#clientTlsSni", "localhost");
        type(robot, "#clientTlsAlpn", "mqtt, h2");
        type(robot, "#clientTlsVersions", "TLSv1.3");
        type(robot, "#clientTlsClientCert", p12.toString());
        for (int round = 0; round < 2; round++) {
            click(robot, "#clientConnect");
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "mutual TLS");
            assertEquals("mqtt", onFx(() -> viewModel.tlsPeer().handshakeProperty().get().alpn()));
            click(robot, "#clientConnect");
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "disconnected");
        }
        assertEquals(1, asked.get(), "asked once, then kept in memory");
        SessionEvent.Secured byServer = serverEvents.await(SessionEvent.Secured.class);
        assertEquals(device.describe().sha256(), byServer.handshake().peerChain().get(0).sha256());

        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Settings settings = new Settings();
        runFx(() -> window.saveTo(settings));
        store.save(settings);
        String saved = Files.readString(store.file());
        assertFalse(saved.contains("s3cret"), "no password in the settings");
        assertTrue(saved.contains("device.p12"), saved);
        TlsClientFields restored = onFx(() -> {
            MainWindow after = new MainWindow(locale -> { }, store.load());
            TlsClientFields fields = after.tab(TcpClientViewModel.class).tls();
            after.shutdown();
            return fields;
        });
        TlsClientFields before = viewModel.tls();
        assertEquals(List.of(true, "localhost", "TLSv1.3", "mqtt, h2", caFile().toString(), "", true, false,
                        p12.toString(), ""),
                onFx(() -> List.of(restored.enabledProperty().get(), restored.serverNameProperty().get(),
                        restored.versionsProperty().get(), restored.alpnProperty().get(), restored.caFileProperty().get(),
                        restored.pinsProperty().get(), restored.verifyHostnameProperty().get(),
                        restored.insecureProperty().get(), restored.clientCertProperty().get(),
                        restored.clientKeyProperty().get())));
        assertEquals(onFx(() -> before.clientCertProperty().get()), onFx(() -> restored.clientCertProperty().get()));
    }

    /**
     * At the smallest window and at 1024 x 768, in both languages, with the TLS section open over
     * the log (a refused certificate's offer and a field's message in it), nothing is cut and
     * nothing covered.
     */
    @ParameterizedTest(name = "{0} x {1}, {2}")
    @CsvSource({
        "900, 520, en",
        "900, 520, zh",
        "1024, 768, en",
        "1024, 768, zh",
    })
    void theTlsSectionFits(int width, int height, String language, FxRobot robot) {
        int port = serve(TlsServerConfig.of(LOCALHOST));
        runFx(window::shutdown);
        window = onFx(FxTesting.SLOW_TIMEOUT, () -> {
            MainWindow shown = MainWindowFixture.showSized(stage, Locale.forLanguageTag(language), width, height);
            return shown;
        });
        viewModel = window.tab(TcpClientViewModel.class);
        runFx(() -> { // this stage's new scene, not the robot's first one
            viewModel.tls().enabledProperty().set(true);
            viewModel.portProperty().set(Integer.toString(port));
            viewModel.connect();
        });
        awaitFx(() -> !viewModel.tlsPeer().offeredFingerprintProperty().get().isEmpty(), "refused");
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "idle");
        runFx(() -> {
            viewModel.tls().insecureProperty().set(true); // the longest status
            viewModel.tls().pinsProperty().set("not a fingerprint");
            viewModel.connect(); // a message at the pins: the section opens there
        });
        WaitForAsyncUtils.waitForFxEvents();
        Scene section = DialogDriver.awaitShowing("clientTlsPin");
        runFx(() -> {
            stage.getScene().getRoot().layout();
            section.getRoot().layout();
        });
        List<String> problems = new java.util.ArrayList<>(onFx(() -> LayoutCheck.problems(stage.getScene())));
        onFx(() -> LayoutCheck.problems(section)).forEach(problem -> problems.add("TLS section: " + problem));
        assertEquals(List.of(), problems, String.join("\n", problems));
        assertTrue(onFx(() -> section.lookup("#clientTlsTrust").isVisible()), "the offer shows");
        assertTrue(onFx(() -> section.lookup("#clientTlsPinError").isVisible()), "the message shows");
        runFx(() -> I18n.use(Locale.ENGLISH));
    }

    @Test
    void nothingIsSentInPlaintextWhileTlsIsOn(FxRobot robot) throws Exception {
        try (ServerSocket sink = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> firstBytes = CompletableFuture.supplyAsync(() -> {
                try (Socket accepted = sink.accept(); InputStream in = accepted.getInputStream()) {
                    return in.readNBytes(5); // a record header, then we hang up mid-handshake
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            click(robot, "#clientTls");
            type(robot, "#clientPort", Integer.toString(sink.getLocalPort()));
            click(robot, "#clientConnect");
            byte[] head = firstBytes.get(RecordingListener.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(0x16, head[0], "a TLS handshake record");
            assertEquals(0x03, head[1], "TLS major version");
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "back to idle, usable");
            assertTrue(rows(robot).stream().anyMatch(row -> row.kind() == LogEntry.Kind.ERROR
                    && row.message().contains("TLS")), rows(robot).toString());
        }
    }
}
