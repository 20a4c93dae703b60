package io.socketdeck.ui.quick;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.send.QuickCommandJson;
import io.socketdeck.core.send.QuickCommandList;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.NamedPipes;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Quick commands are imported and exported off the FX thread: a file whose open waits (a named
 * pipe without a writer, a hung network mount) never freezes the window, the item shows the work
 * under way, a click gives an import up, and the user's list is never lost.
 */
@ExtendWith(ApplicationExtension.class)
class QuickCommandsOffTheFxThreadTest {

    /** The thread the window's quick commands read and write their files on. */
    private static final String WORKER = "socketdeck-quick-files";

    private MainWindow window;
    private QuickCommandsModel commands;
    private TcpClientViewModel client;
    /** The pipes' ends this test opened. */
    private final List<Closeable> openedHere = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        commands = window.quickCommands();
        client = window.tab(TcpClientViewModel.class);
    }

    @AfterEach
    void tearDown() throws IOException {
        for (Closeable opened : openedHere) {
            opened.close(); // first: a read stuck on the FX thread (the bug) ends with its writer
        }
        runFx(() -> MainWindowFixture.shutDown(window));
    }


    /** Where the client tab's quick-send pane says how an import or export went: its log. */
    private BiConsumer<LogEntry.Kind, String> notes() {
        return (kind, text) -> client.traffic().log().note(kind, text);
    }

    private long logRows(String text) {
        return onFx(() -> client.traffic().log().entries().stream()
                .filter(e -> text.equals(e.message())).count());
    }

    private boolean logSays(String start) {
        return onFx(() -> client.traffic().log().entries().stream()
                .anyMatch(e -> e.message() != null && e.message().startsWith(start)));
    }

    /** A menu item of the client tab's quick-send "more" button. FX thread. */
    private MenuItem item(String id) {
        MenuButton more = (MenuButton) window.root().lookup("#clientQuickMore");
        return more.getItems().stream().filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow(() -> new AssertionError(id));
    }

    private List<String> names() {
        return onFx(() -> commands.items().stream().map(QuickCommand::name).toList());
    }

    private static byte[] json(QuickCommand... list) {
        return QuickCommandJson.toJson(List.of(list)).getBytes(StandardCharsets.UTF_8);
    }

    /** The worker threads alive now. */
    private static Set<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(WORKER))
                .collect(Collectors.toSet());
    }

    /** The one worker started since {@code before} were alive. */
    private static Thread startedSince(Set<Thread> before) {
        return Await.value(() -> {
            Set<Thread> now = workers();
            now.removeAll(before);
            return now;
        }, now -> now.size() == 1, FxTesting.TIMEOUT, "one new worker").iterator().next();
    }

    /** Returns after the window's next pulse, which runs what was woken before. */
    private void afterAPulse() throws InterruptedException {
        CountDownLatch pulsed = new CountDownLatch(1);
        runFx(() -> window.tick().add(now -> {
            pulsed.countDown();
            return UiTick.IDLE;
        }));
        assertTrue(pulsed.await(FxTesting.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "a pulse");
    }

    @Test
    void anImportFromANamedPipeWaitsForItsWriterOffTheFxThread(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        runFx(() -> commands.add(QuickCommand.text("mine", "m")));
        // Handed over, not waited for: code that read the pipe on the FX thread would not return.
        Platform.runLater(() -> commands.importFrom(pipe, notes()));
        OutputStream writer;
        try {
            assertTrue(FxTesting.fxThreadFree(), "the FX thread ran a task while the pipe to import waited for a writer");
            assertEquals("Importing pipe\u2026 (click to give up)", onFx(() -> item("clientQuickImport").getText()));
            assertFalse(onFx(() -> item("clientQuickImport").isDisable()), "a click gives the import up");
            runFx(() -> commands.add(QuickCommand.text("added meanwhile", "a"))); // the user goes on editing
        } finally {
            writer = Files.newOutputStream(pipe); // the open waiting on the other end completes
            openedHere.add(writer);
        }
        writer.write(json(QuickCommand.text("one", "1"), QuickCommand.text("two", "2")));
        writer.close();
        awaitFx(() -> logSays("Imported 2 commands from pipe."), "the import ended");
        assertEquals(List.of("mine", "added meanwhile", "one", "two"), names(),
                "the commands read join the list as it is then, after the user's own");
        assertEquals("Import\u2026", onFx(() -> item("clientQuickImport").getText()));
    }

    @Test
    void aClickOnTheImportUnderWayGivesItUpAndTheNextImportDoesNotWaitBehindIt(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        Path file = dir.resolve("commands.json");
        Files.write(file, json(QuickCommand.text("from file", "f")));
        Set<Thread> before = workers();
        Platform.runLater(() -> commands.importFrom(pipe, notes()));
        Thread stuck;
        try {
            assertTrue(FxTesting.fxThreadFree(), "the FX thread ran a task while the pipe to import waited for a writer");
            stuck = startedSince(before);
            runFx(() -> item("clientQuickImport").fire()); // "Importing pipe… (click to give up)"
            assertEquals("Import\u2026", onFx(() -> item("clientQuickImport").getText()), "back at once");
            assertTrue(logSays("Gave up importing pipe: nothing was added."));
            runFx(() -> commands.importFrom(file, notes()));
            awaitFx(() -> logRows("Imported 1 command from commands.json.") == 1,
                    "the next import ran while the worker was still stuck in the pipe");
            assertTrue(stuck.isAlive(), "the pipe's read given up still waits for its writer");
        } finally {
            OutputStream writer = Files.newOutputStream(pipe); // the open given up completes
            openedHere.add(writer);
            writer.write(json(QuickCommand.text("late", "l")));
            writer.close();
        }
        stuck.join(FxTesting.TIMEOUT.toMillis());
        assertFalse(stuck.isAlive(), "the stuck worker ended once its read returned");
        runFx(() -> commands.importFrom(file, notes())); // its outcome comes after any the stuck read had woken
        awaitFx(() -> logRows("Imported 1 command from commands.json.") == 2, "the import after it");
        assertEquals(List.of("from file", "from file"), names(), "what came late through the pipe was not imported");
    }

    @Test
    void anExportAskedWhileAnImportWaitsTakesItsTurnOffTheFxThread(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        Path out = dir.resolve("out.json");
        runFx(() -> commands.add(QuickCommand.text("mine", "m")));
        Platform.runLater(() -> commands.importFrom(pipe, notes()));
        try {
            assertTrue(FxTesting.fxThreadFree(), "the FX thread ran a task while the pipe to import waited for a writer");
            Platform.runLater(() -> commands.exportTo(out, notes()));
            assertTrue(FxTesting.fxThreadFree(), "the FX thread ran a task while the export waited for the worker");
            assertEquals("Exporting to out.json\u2026", onFx(() -> item("clientQuickExport").getText()));
            assertTrue(onFx(() -> item("clientQuickExport").isDisable()), "no second export meanwhile");
            assertFalse(Files.exists(out), "written in its turn, after the import");
            runFx(() -> commands.add(QuickCommand.text("after the click", "a")));
            runFx(() -> item("clientQuickImport").fire()); // gives the import up: the export goes on
            awaitFx(() -> logSays("Exported 1 command to " + out), "the export ran once the import was given up");
        } finally {
            openedHere.add(Files.newOutputStream(pipe)); // the open given up completes
        }
        assertEquals(List.of("mine"), QuickCommandList.importFrom(out).commands().stream().map(QuickCommand::name)
                .toList(), "the list as it was at the click");
        assertEquals("Export\u2026", onFx(() -> item("clientQuickExport").getText()));
        assertFalse(onFx(() -> item("clientQuickExport").isDisable()));
    }

    @Test
    void closingTheWindowWhileAnImportWaitsDoesNotWaitForIt(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        Set<Thread> before = workers();
        Platform.runLater(() -> commands.importFrom(pipe, notes()));
        boolean free = FxTesting.fxThreadFree();
        Thread stuck = free ? startedSince(before) : null;
        CountDownLatch shutDown = new CountDownLatch(1);
        Platform.runLater(() -> {
            window.shutdown(); // what the app's exit runs
            shutDown.countDown();
        });
        boolean exited = shutDown.await(5, TimeUnit.SECONDS);
        OutputStream writer = Files.newOutputStream(pipe); // lets the read still waiting complete
        openedHere.add(writer);
        writer.write(json(QuickCommand.text("late", "l")));
        writer.close();
        assertTrue(free && exited, "the window shut down while the pipe to import waited for a writer");
        stuck.join(FxTesting.TIMEOUT.toMillis());
        assertFalse(stuck.isAlive(), "the worker ended once its read returned");
        afterAPulse(); // when an outcome it had woken would have been applied
        assertEquals(List.of(), names(), "nothing imported into the window that went");
    }

    /** In the window's language, without the JDK's English; and the list as it was. */
    @Test
    void anImportThatFailsKeepsTheListAndSaysWhyInChinese(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ not json");
        runFx(() -> {
            commands.add(QuickCommand.text("mine", "m"));
            I18n.use(I18n.CHINESE);
        });
        runFx(() -> commands.importFrom(dir.resolve("absent.json"), notes()));
        awaitFx(() -> logSays("\u65e0\u6cd5\u5bfc\u5165 absent.json\uff1a\u6587\u4ef6\u6216\u6587\u4ef6\u5939\u4e0d\u5b58\u5728"),
                () -> "said in Chinese: " + onFx(() -> client.traffic().log().entries().get(
                        client.traffic().log().entries().size() - 1).message()));
        runFx(() -> commands.importFrom(bad, notes()));
        awaitFx(() -> logSays("\u65e0\u6cd5\u5bfc\u5165 bad.json\uff1a"), "the second import's failure said");
        assertEquals(List.of("mine"), names(), "the list is as it was");
    }
}
