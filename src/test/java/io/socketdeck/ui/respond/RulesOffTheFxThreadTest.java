package io.socketdeck.ui.respond;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.respond.Rule;
import io.socketdeck.core.respond.RuleJson;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.NamedPipes;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
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
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
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
 * A tab's auto-reply rules are imported and exported off the FX thread: a rules file whose open
 * waits (a named pipe without a writer, a hung network mount) never freezes the window, and
 * closing the tab meanwhile gives the import up.
 */
@ExtendWith(ApplicationExtension.class)
class RulesOffTheFxThreadTest {

    /** The thread a tab's rules are read and written on. */
    private static final String WORKER = "socketdeck-rules-files";

    private Stage stage;
    private MainWindow window;
    private TcpClientViewModel client;
    private ResponsesModel responses;
    /** The pipes' ends this test opened. */
    private final List<Closeable> openedHere = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        client = window.tab(TcpClientViewModel.class);
        responses = client.traffic().responses();
    }

    @AfterEach
    void tearDown() throws IOException {
        for (Closeable opened : openedHere) {
            opened.close(); // first: a read stuck on the FX thread (the bug) ends with its writer
        }
        runFx(() -> MainWindowFixture.shutDown(window));
    }


    private BiConsumer<LogEntry.Kind, String> notes() {
        return (kind, text) -> client.traffic().log().note(kind, text);
    }

    private boolean logSays(String start) {
        return onFx(() -> client.traffic().log().entries().stream()
                .anyMatch(e -> e.message() != null && e.message().startsWith(start)));
    }

    /** A menu item of the client tab's rules "more" button. FX thread. */
    private MenuItem item(String id) {
        MenuButton more = (MenuButton) window.root().lookup("#clientRuleMore");
        return more.getItems().stream().filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow(() -> new AssertionError(id));
    }

    /** A menu item of the window's menu bar. FX thread. */
    private MenuItem menuItem(String id) {
        List<MenuItem> all = new ArrayList<>();
        for (Menu menu : ((MenuBar) stage.getScene().lookup(".menu-bar")).getMenus()) {
            all.addAll(menu.getItems());
        }
        return all.stream().filter(item -> id.equals(item.getId())).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private static Rule rule(String name) {
        return new Rule(true, Rule.Match.EXACT, name, QuickCommand.text(name, "reply to " + name), 0);
    }

    /** A rules file's bytes, as the export writes them. */
    private static byte[] json(Path dir, Rule... rules) throws IOException {
        Path file = Files.createTempFile(dir, "rules", ".json");
        RuleJson.export(file, List.of(rules));
        return Files.readAllBytes(file);
    }

    private List<String> names() {
        return onFx(() -> responses.rules().stream().map(Rule::name).toList());
    }

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
    private static void afterAPulse(MainWindow window) throws InterruptedException {
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
        runFx(() -> responses.rules().add(rule("mine")));
        Platform.runLater(() -> responses.importFrom(pipe, notes()));
        OutputStream writer;
        try {
            assertTrue(FxTesting.fxThreadFree(), "the FX thread ran a task while the rules' pipe waited for a writer");
            assertEquals("Importing pipe\u2026 (click to give up)", onFx(() -> item("clientRuleImport").getText()));
            runFx(() -> responses.rules().add(rule("added meanwhile")));
        } finally {
            writer = Files.newOutputStream(pipe); // the open waiting on the other end completes
            openedHere.add(writer);
        }
        writer.write(json(dir, rule("one"), rule("two")));
        writer.close();
        awaitFx(() -> logSays("Imported 2 rules from pipe."), "the import ended");
        assertEquals(List.of("mine", "added meanwhile", "one", "two"), names(),
                "the rules read join the list as it is then, after the user's own");
        assertEquals("Import\u2026", onFx(() -> item("clientRuleImport").getText()));
    }

    @Test
    void anExportAskedWhileAnImportWaitsTakesItsTurnOffTheFxThread(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        Path out = dir.resolve("out.json");
        runFx(() -> responses.rules().add(rule("mine")));
        Platform.runLater(() -> responses.importFrom(pipe, notes()));
        try {
            assertTrue(FxTesting.fxThreadFree(), "the FX thread ran a task while the rules' pipe waited for a writer");
            Platform.runLater(() -> responses.exportTo(out, notes()));
            assertTrue(FxTesting.fxThreadFree(), "the FX thread ran a task while the export waited for the worker");
            assertEquals("Exporting to out.json\u2026", onFx(() -> item("clientRuleExport").getText()));
            assertTrue(onFx(() -> item("clientRuleExport").isDisable()), "no second export meanwhile");
            assertFalse(Files.exists(out), "written in its turn, after the import");
            runFx(() -> item("clientRuleImport").fire()); // gives the import up: the export goes on
            awaitFx(() -> logSays("Exported 1 rule to " + out), "the export ran once the import was given up");
            assertTrue(logSays("Gave up importing pipe: nothing was added."));
        } finally {
            openedHere.add(Files.newOutputStream(pipe)); // the open given up completes
        }
        assertEquals(List.of("mine"), RuleJson.importFrom(out).stream().map(Rule::name).toList());
        assertFalse(onFx(() -> item("clientRuleExport").isDisable()));
    }

    @Test
    void closingTheTabWhileItsImportWaitsGivesItUp(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipes.create(dir, "pipe");
        Set<Thread> before = workers();
        runFx(() -> MainWindowFixture.showTab(stage.getScene().getRoot(), "tabTcpClient"));
        Platform.runLater(() -> responses.importFrom(pipe, notes()));
        boolean free = FxTesting.fxThreadFree();
        Thread worker = free ? startedSince(before) : null;
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            menuItem("closeTab").fire(); // an idle tab closes without a question
            closed.countDown();
        });
        boolean done = closed.await(5, TimeUnit.SECONDS);
        OutputStream writer = Files.newOutputStream(pipe); // lets the read still waiting complete
        openedHere.add(writer);
        writer.write(json(dir, rule("late")));
        writer.close();
        assertTrue(free && done, "the tab closed while its rules' pipe waited for a writer");
        awaitFx(() -> !window.tabIds().contains("tabTcpClient"), "the tab is gone");
        worker.join(FxTesting.TIMEOUT.toMillis());
        assertFalse(worker.isAlive(), "the tab's worker ended once its read returned");
        afterAPulse(window); // when an outcome it had woken would have been applied
        assertEquals(List.of(), names(), "nothing imported into the tab that went");
        assertFalse(logSays("Imported"), "nor said");
    }
}
