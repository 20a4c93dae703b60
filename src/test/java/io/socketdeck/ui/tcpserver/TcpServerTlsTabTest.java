package io.socketdeck.ui.tcpserver;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.settings.SettingsStore;
import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.KeyMaterials;
import io.socketdeck.core.tls.KeySource;
import io.socketdeck.core.tls.SelfSigned;
import io.socketdeck.testsupport.Await;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The server tab's TLS driven through its controls: a certificate generated in its dialog, real
 * TLS clients (the JDK's, {@code openssl s_client}) and plain ones on loopback, the TLS column,
 * the words of each failure in the log, the messages at the fields, the settings.
 */
@ExtendWith(ApplicationExtension.class)
class TcpServerTlsTabTest {

    private Stage stage;
    private MainWindow window;
    private final List<AutoCloseable> open = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        runFx(() -> DialogDriver.closeAllBut(stage));
        runFx(window::shutdown);
    }

    private ServerTabDriver driver(FxRobot robot) {
        ServerTabDriver driver = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        click(robot, "#serverTls");
        awaitFx(() -> node("#serverTlsCert") != null, "the TLS section shown under its button");
        return driver;
    }

    private ServerTls tls() {
        return window.tab(TcpServerViewModel.class).tls();
    }

    /** Drives the generate dialog: PKCS#12 with {@code password}, or PEM when it is null. */
    private void generate(Path certificate, Path key, String password) {
        Scene dialog = DialogDriver.open(button("#serverTlsGenerate"), "serverTlsGenNames");
        assertEquals("localhost, 127.0.0.1, ::1", onFx(() -> ((TextField) dialog.lookup("#serverTlsGenNames")).getText()));
        runFx(() -> ((RadioButton) dialog.lookup(password == null ? "#serverTlsGenPem" : "#serverTlsGenPkcs12")).fire());
        if (password != null) {
            runFx(() -> {
                ((PasswordField) dialog.lookup("#serverTlsGenPassword")).setText(password);
                ((PasswordField) dialog.lookup("#serverTlsGenPasswordAgain")).setText(password);
            });
        }
        runFx(() -> ((TextField) dialog.lookup("#serverTlsGenFile")).setText(certificate.toString()));
        if (key != null) {
            runFx(() -> ((TextField) dialog.lookup("#serverTlsGenKeyFile")).setText(key.toString()));
        }
        DialogDriver.press(dialog, ButtonType.OK);
        awaitFx(() -> !dialog.getWindow().isShowing(), "the dialog closed");
    }

    /** The node with {@code id} in a window that shows: the tab's, or the TLS section's popup. */
    private static Node node(String id) {
        return onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(window -> window.getScene().lookup(id)).filter(Objects::nonNull).findFirst().orElse(null));
    }

    /** The button with {@code id}, opening the TLS section first when it is in there. */
    private Button button(String id) {
        if (node(id) == null) {
            runFx(() -> ((Button) stage.getScene().lookup("#serverTlsSettings")).fire());
        }
        return (Button) Await.value(() -> node(id), Objects::nonNull, FxTesting.TIMEOUT, id);
    }

    private String text(String id) {
        return onFx(() -> ((TextField) node(id)).getText());
    }

    /** The message under a TLS field: a problem opens the section, so the user sees it there. */
    private String error(String id) {
        Node label = node(id);
        return label == null ? "(section closed)" : onFx(() -> label.isVisible() ? ((Label) label).getText() : "");
    }

    /** A JDK TLS client that trusts {@code certificate} only and checks the name 127.0.0.1. */
    private SSLSocket tlsClient(InetSocketAddress server, X509Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(server.getAddress(), server.getPort());
        open.add(socket);
        socket.setSoTimeout((int) FxTesting.TIMEOUT.toMillis());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static String local(Socket socket) {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private static boolean says(LogEntry entry, String words) {
        return !entry.isData() && entry.message().contains(words);
    }

    @Test
    void aCertificateGeneratedInTheDialogServesAVerifyingTlsClient(FxRobot robot, @TempDir Path dir) throws Exception {
        ServerTabDriver server = driver(robot);
        Path p12 = dir.resolve("tls").resolve("server.p12"); // a folder that does not exist yet
        generate(p12, null, "s3cret");
        assertEquals(p12.toString(), text("#serverTlsCert"), "the certificate field names the new file");
        assertEquals("", text("#serverTlsKey"), "PKCS#12 holds its key");
        server.awaitLog(e -> says(e, "Self-signed certificate saved to " + p12) && e.message().contains("SHA-256"),
                "the fingerprint logged");
        assertTrue(onFx(() -> tls().holdsPassword()), "the password typed in the dialog is kept for this session");

        InetSocketAddress address = server.listenOnLoopback(0); // no prompt: the password is known
        server.awaitLog(e -> says(e, "TLS: presenting"), "what it presents");
        assertTrue(onFx(() -> window.tab(TcpServerViewModel.class).statusProperty().get()).endsWith("TLS"));
        X509Certificate certificate = KeyMaterials.load(new KeySource(p12, null, "s3cret".toCharArray())).certificate();
        SSLSocket client = tlsClient(address, certificate);
        client.getOutputStream().write("hi over TLS\n".getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().flush();

        server.awaitLog(e -> says(e, "TLS with " + local(client) + ": TLSv1.3"), "the Secured row");
        server.awaitLog(e -> e.isData() && e.text().contains("hi over TLS"), "the decrypted bytes");
        awaitFx(() -> server.shownRow(local(client)).contains("TLS 1.3 \u00b7 no cert"),
                () -> "the TLS column: " + server.shownRow(local(client)));
        @SuppressWarnings("unchecked")
        TableColumn<ClientRow, ?> column = onFx(() -> server.table().getColumns().stream()
                .filter(c -> "TLS".equals(c.getText())).findFirst().orElseThrow());
        assertTrue(onFx(column::isVisible), "the TLS column is shown while TLS is on");
        server.stop();
        runFx(() -> tls().enabledProperty().set(false));
        assertFalse(onFx(column::isVisible), "and hidden when off");
    }

    /**
     * Listening without a click elsewhere (Enter, a script) closes the section too: its fields are
     * locked until Stop, and open it would cover the clients and the log. Its values stay.
     */
    @Test
    void listeningClosesTheSectionAndKeepsItsValues(FxRobot robot, @TempDir Path dir) throws Exception {
        ServerTabDriver server = driver(robot);
        Path p12 = dir.resolve("server.p12");
        generate(p12, null, "s3cret");
        runFx(() -> {
            TcpServerViewModel tab = window.tab(TcpServerViewModel.class);
            tab.bindAddressProperty().set("127.0.0.1");
            tab.portProperty().set("0");
        });
        button("#serverTlsGenerate"); // the section shown again
        runFx(() -> window.tab(TcpServerViewModel.class).listen());
        server.awaitState(ConnectionState.OPEN);
        awaitFx(() -> node("#serverTlsCert") == null, "the section closed once listening");
        assertEquals(p12.toString(), onFx(() -> tls().certificateProperty().get()), "the certificate kept");
        server.stop();
        button("#serverTlsGenerate"); // opens the section
        assertEquals(p12.toString(), text("#serverTlsCert"), "and shown when the section opens again");
    }

    @Test
    void opensslSClientVerifiesAPemCertificateFromTheDialog(FxRobot robot, @TempDir Path dir) throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not on PATH: this case needs openssl s_client");
        ServerTabDriver server = driver(robot);
        Path certificate = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        generate(certificate, key, null);
        assertEquals(certificate.toString(), text("#serverTlsCert"));
        assertEquals(key.toString(), text("#serverTlsKey"));
        InetSocketAddress address = server.listenOnLoopback(0);
        Process openssl = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + address.getPort(),
                "-CAfile", certificate.toString(), "-verify_return_error", "-verify_ip", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("s_client.txt").toFile()).start();
        open.add(openssl::destroy);
        server.awaitLog(e -> says(e, ": TLSv1.3, ") && e.message().startsWith("TLS with 127.0.0.1:"),
                "openssl's handshake");
        awaitFx(() -> server.table().getItems().size() == 1
                && ClientColumns.tlsText(server.table().getItems().get(0)).equals("TLS 1.3 \u00b7 no cert"),
                "its row says TLS 1.3");
        openssl.getOutputStream().write("from openssl\n".getBytes(StandardCharsets.US_ASCII));
        openssl.getOutputStream().flush();
        server.awaitLog(e -> e.isData() && e.text().contains("from openssl"), "its bytes, decrypted");
        String said = Files.readString(dir.resolve("s_client.txt"));
        assertTrue(said.contains("Verify return code: 0 (ok)") || said.contains("Verification: OK"),
                "openssl verified it: " + said);
    }

    @Test
    void plaintextAndBrokenHandshakesAreEventsAndTheServerKeepsServing(FxRobot robot, @TempDir Path dir)
            throws Exception {
        ServerTabDriver server = driver(robot);
        KeyMaterial material = pemFiles(dir);
        InetSocketAddress address = server.listenOnLoopback(0);

        Socket plain = new Socket(address.getAddress(), address.getPort());
        open.add(plain);
        plain.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
        server.awaitLog(e -> e.kind() == LogEntry.Kind.ERROR && says(e, "the peer does not speak TLS"),
                "the plaintext client named");

        Socket halfway = new Socket(address.getAddress(), address.getPort());
        open.add(halfway);
        // A ClientHello's record header that promises 80 bytes, 4 of them, then a reset.
        halfway.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x50, 0x01, 0x00, 0x00});
        halfway.getOutputStream().flush();
        halfway.setSoLinger(true, 0);
        halfway.close();
        server.awaitLog(e -> e.kind() == LogEntry.Kind.ERROR && says(e, "in the middle of it"),
                "the client that left mid-handshake named");

        SSLSocket good = tlsClient(address, material.certificate());
        server.awaitLog(e -> says(e, "TLS with " + local(good)), "a good client served after them");
        assertEquals(ConnectionState.OPEN, onFx(() -> server.viewModel().stateProperty().get()), "still listening");
    }

    @Test
    void aRequiredClientCertificateRefusesAClientWithoutOne(FxRobot robot, @TempDir Path dir) throws Exception {
        ServerTabDriver server = driver(robot);
        KeyMaterial material = pemFiles(dir);
        click(robot, "#serverTlsRequireClientCert");
        server.type("#serverTlsClientCa", dir.resolve("server.pem").toString()); // its own: a CA file it has
        InetSocketAddress address = server.listenOnLoopback(0);
        try {
            SSLSocket client = tlsClient(address, material.certificate());
            client.getInputStream().read(); // TLS 1.3: the refusal comes after the client's Finished
        } catch (IOException refused) {
            // the client is refused: what the server says is what this test reads
        }
        server.awaitLog(e -> e.kind() == LogEntry.Kind.ERROR && says(e, "was refused"),
                "the refusal in words");
        assertEquals(ConnectionState.OPEN, onFx(() -> server.viewModel().stateProperty().get()), "still listening");
    }

    @Test
    void problemsWithTheFilesAreSaidAtTheirFields(FxRobot robot, @TempDir Path dir) throws Exception {
        ServerTabDriver server = driver(robot);
        server.typeBindAddress("127.0.0.1");
        server.type("#serverPort", "0");
        click(robot, "#serverListen");
        assertEquals("Choose the certificate the server presents (PKCS#12 or PEM), or generate a self-signed one.",
                error("#serverTlsCertError"));

        server.type("#serverTlsCert", dir.resolve("missing.p12").toString());
        click(robot, "#serverListen");
        assertEquals("There is no file " + dir.resolve("missing.p12") + ".", error("#serverTlsCertError"));
        assertEquals(ConnectionState.IDLE, onFx(() -> server.viewModel().stateProperty().get()));

        KeyMaterial material = SelfSigned.generate(List.of("localhost"), SelfSigned.ONE_YEAR);
        Path certificateOnly = dir.resolve("only-cert.pem");
        Path keyFile = dir.resolve("unused-key.pem");
        SelfSigned.writePem(material, certificateOnly, keyFile);
        server.type("#serverTlsCert", certificateOnly.toString());
        click(robot, "#serverListen");
        assertTrue(error("#serverTlsKeyError").startsWith(certificateOnly + " holds no private key"),
                error("#serverTlsKeyError"));

        Path p12 = dir.resolve("locked.p12");
        SelfSigned.writePkcs12(material, p12, "right".toCharArray());
        server.type("#serverTlsCert", p12.toString());
        Scene prompt = DialogDriver.open(button("#serverListen"), "tlsPassword");
        DialogDriver.press(prompt, ButtonType.CANCEL);
        awaitFx(() -> error("#serverTlsCertError").equals(p12 + " is protected by a password: enter it."),
                () -> "cancelled: " + error("#serverTlsCertError"));

        prompt = DialogDriver.open(button("#serverListen"), "tlsPassword");
        Scene first = prompt;
        runFx(() -> ((PasswordField) first.lookup("#tlsPassword")).setText("wrong"));
        DialogDriver.press(prompt, ButtonType.OK);
        Scene again = awaitPrompt(first, "The password was wrong");
        DialogDriver.press(again, ButtonType.CANCEL);
        awaitFx(() -> error("#serverTlsCertError").equals("Wrong password for " + p12 + "."),
                () -> "wrong, then cancelled: " + error("#serverTlsCertError"));

        prompt = DialogDriver.open(button("#serverListen"), "tlsPassword");
        Scene right = prompt;
        runFx(() -> ((PasswordField) right.lookup("#tlsPassword")).setText("right"));
        DialogDriver.press(prompt, ButtonType.OK);
        server.awaitState(ConnectionState.OPEN);
        assertNull(onFx(() -> tls().certificateErrorProperty().get()), "no message left");
        awaitFx(() -> node("#serverTlsCert") == null, "the section closed once listening");
    }

    @Test
    void theSettingsKeepPathsAndSwitchesButNeverThePassword(FxRobot robot, @TempDir Path dir) throws Exception {
        driver(robot);
        Path p12 = dir.resolve("server.p12");
        generate(p12, null, "never-saved-3141");
        runFx(() -> {
            tls().requireClientCertProperty().set(true);
            tls().clientCaProperty().set(dir.resolve("ca.pem").toString());
            tls().alpnProperty().set("h2, mqtt");
            tls().versionsProperty().set("TLSv1.3");
        });
        Settings settings = new Settings();
        runFx(() -> window.saveTo(settings));
        Path file = dir.resolve("settings.json");
        new SettingsStore(file).save(settings);
        String saved = Files.readString(file);
        assertFalse(saved.contains("never-saved-3141"), "no password in " + saved);
        assertTrue(saved.contains(p12.getFileName().toString()), saved);

        Settings loaded = new SettingsStore(file).load();
        MainWindow after = onFx(() -> new MainWindow(locale -> { }, loaded));
        try {
            ServerTls restored = after.tab(TcpServerViewModel.class).tls();
            assertEquals(List.of(true, p12.toString(), "", true, dir.resolve("ca.pem").toString(), "h2, mqtt", "TLSv1.3"),
                    onFx(() -> List.of(restored.enabledProperty().get(), restored.certificateProperty().get(),
                            restored.keyProperty().get(), restored.requireClientCertProperty().get(),
                            restored.clientCaProperty().get(), restored.alpnProperty().get(),
                            restored.versionsProperty().get())));
            assertFalse(onFx(restored::holdsPassword), "a restart asks for the password again");
        } finally {
            runFx(after::shutdown);
        }
    }

    /** A PEM certificate and key for 127.0.0.1 in {@code dir}, typed into the TLS fields. */
    private KeyMaterial pemFiles(Path dir) throws Exception {
        KeyMaterial material = SelfSigned.generate(List.of("localhost", "127.0.0.1"), SelfSigned.ONE_YEAR);
        SelfSigned.writePem(material, dir.resolve("server.pem"), dir.resolve("server-key.pem"));
        runFx(() -> {
            tls().certificateProperty().set(dir.resolve("server.pem").toString());
            tls().keyProperty().set(dir.resolve("server-key.pem").toString());
        });
        return material;
    }

    /** The prompt shown after {@code before} closed, whose header starts with {@code header}. */
    private Scene awaitPrompt(Scene before, String header) {
        return io.socketdeck.testsupport.Await.value(() -> onFx(() -> javafx.stage.Window.getWindows().stream()
                        .filter(javafx.stage.Window::isShowing).map(javafx.stage.Window::getScene)
                        .filter(scene -> scene != before && scene.lookup("#tlsPassword") != null
                                && ((javafx.scene.control.DialogPane) scene.getRoot()).getHeaderText().startsWith(header))
                        .findFirst().orElse(null)), java.util.Objects::nonNull, FxTesting.TIMEOUT, "the prompt again");
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
