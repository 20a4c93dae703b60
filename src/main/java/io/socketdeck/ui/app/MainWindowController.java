package io.socketdeck.ui.app;

import io.socketdeck.core.stats.ThroughputMeter;
import io.socketdeck.core.stats.ThroughputSample;
import io.socketdeck.ui.common.ByteRates;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogStyle;
import io.socketdeck.ui.fx.Sparkline;
import io.socketdeck.ui.fx.Tips;
import io.socketdeck.ui.log.TrafficLog;
import io.socketdeck.ui.tab.TabKind;
import io.socketdeck.ui.tab.TabModel;
import io.socketdeck.ui.tab.ThroughputModel;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The menu, the tabs and the status bar. The status bar says, for the selected tab, where its
 * connection is (left) and how fast traffic flows (right: rates each way and the last minute's
 * chart, whose lines have the colours of the arrows before the rates).
 */
public final class MainWindowController {

    @FXML private TabPane tabs;
    @FXML private RadioMenuItem languageEnglish;
    @FXML private RadioMenuItem languageChinese;
    @FXML private ToggleGroup languageGroup;
    @FXML private StatusBar statusBar;
    @FXML private Menu logLimitMenu;
    @FXML private Menu themeMenu;
    @FXML private Menu zoomMenu;
    @FXML private MenuItem zoomIn;
    @FXML private MenuItem zoomOut;
    @FXML private MenuItem zoomReset;
    @FXML private CheckMenuItem monospaceText;

    @FXML private Menu fileMenu;
    @FXML private SeparatorMenuItem newTabsEnd;
    @FXML private MenuItem newTabLikeThis;
    @FXML private MenuItem renameTab;
    @FXML private MenuItem closeTab;

    private final Consumer<Locale> languageSwitcher;
    private final MainWindow window;
    private final ViewOptions options;
    private TabStrip strip;
    private final Label rxRate = new Label();
    private final Label txRate = new Label();
    private final Sparkline<ThroughputSample> chart = new Sparkline<>(ThroughputSample::rxBytesPerSecond,
            ThroughputSample::txBytesPerSecond, ThroughputMeter.HISTORY);

    public MainWindowController(Consumer<Locale> languageSwitcher, MainWindow window, ViewOptions options) {
        this.languageSwitcher = languageSwitcher;
        this.window = window;
        this.options = options;
    }

    @FXML
    private void initialize() {
        StackPane statuses = new StackPane();
        statuses.setId("statusConnection");
        statuses.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        boolean chinese = I18n.CHINESE.getLanguage().equals(I18n.locale().getLanguage());
        (chinese ? languageChinese : languageEnglish).setSelected(true);
        buildLogLimitMenu();
        buildThemeMenu();
        bindZoomMenu();
        monospaceText.selectedProperty().bindBidirectional(options.monospaceTextProperty());
        buildStatusBar(statuses);
        buildFileMenu();
        // The tabs have the focus when the window opens, not the first text field: a blinking caret
        // redraws the window twice a second, and an idle window should cost nothing.
        tabs.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                tabs.requestFocus();
            }
        });
        // A tab's view is built the first time the tab is shown: a window whose other tabs were
        // never opened starts sooner and holds less (about 20 MB at rest).
        strip = new TabStrip(tabs, statuses, window, tab -> tab.buildView(window.quickCommands()), this::showStatusOf);
    }

    /** File → New … of each kind, in the order of the window's kinds, before the other file items. */
    private void buildFileMenu() {
        int at = fileMenu.getItems().indexOf(newTabsEnd);
        for (TabKind<?> kind : MainWindow.kinds()) {
            String text = kind.newTabKey().map(I18n::text)
                    .orElseGet(() -> I18n.format("menu.file.newTab", I18n.text(kind.titleKey())));
            MenuItem item = new MenuItem(text, new FontIcon(kind.icon()));
            item.setId(kind.newTabId());
            item.setOnAction(event -> strip.open(kind));
            fileMenu.getItems().add(at++, item);
        }
        newTabLikeThis.setOnAction(event -> strip.openLikeSelected());
        renameTab.setOnAction(event -> strip.renameSelected());
        closeTab.setOnAction(event -> strip.closeSelected());
        closeTab.disableProperty().bind(Bindings.size(window.tabs()).lessThan(2));
    }

    private void buildStatusBar(StackPane statuses) {
        statusBar.setText("");
        statusBar.getLeftItems().setAll(statuses);
        rxRate.setId("statusRxRate");
        txRate.setId("statusTxRate");
        rxRate.setGraphic(legendIcon("fth-arrow-down-left", "rx"));
        txRate.setGraphic(legendIcon("fth-arrow-up-right", "tx"));
        for (Label rate : List.of(rxRate, txRate)) {
            rate.getStyleClass().add("status-rate");
            rate.setMinWidth(Label.USE_PREF_SIZE);
        }
        HBox rates = new HBox(12, rxRate, txRate);
        rates.setId("statusRates");
        rates.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        rates.getStyleClass().add("status-rates");
        Tips.setText(rates, I18n.text("status.rates.tooltip"));
        chart.setId("statusChart");
        Tips.setText(chart, I18n.text("status.chart"));
        Label span = new Label(I18n.text("status.chart.span"));
        span.getStyleClass().add("status-chart-span");
        span.setMinWidth(Label.USE_PREF_SIZE);
        HBox right = new HBox(8, rates, chart, span);
        right.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        right.setMinWidth(HBox.USE_PREF_SIZE);
        statusBar.getRightItems().setAll(right);
    }

    private static FontIcon legendIcon(String literal, String direction) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().addAll("counter-icon", direction);
        return icon;
    }

    private void buildLogLimitMenu() {
        ToggleGroup limits = new ToggleGroup();
        for (int limit : TrafficLog.ENTRY_LIMITS) {
            RadioMenuItem item = new RadioMenuItem(I18n.format("menu.view.logLimit.entries", limit));
            item.setId("logLimit" + limit);
            item.setToggleGroup(limits);
            item.setSelected(limit == options.logLimitProperty().get());
            item.setOnAction(event -> options.logLimitProperty().set(limit));
            logLimitMenu.getItems().add(item);
        }
    }

    private void buildThemeMenu() {
        ToggleGroup themes = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(I18n.text("menu.view.theme." + theme.name()));
            item.setId(theme.menuId());
            item.setToggleGroup(themes);
            item.setSelected(theme == options.themeProperty().get());
            item.setOnAction(event -> options.themeProperty().set(theme));
            themeMenu.getItems().add(item);
        }
    }

    private void bindZoomMenu() {
        zoomIn.setOnAction(event -> options.zoomIn());
        zoomOut.setOnAction(event -> options.zoomOut());
        zoomReset.setOnAction(event -> options.actualSize());
        zoomMenu.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.format("menu.view.zoom", options.zoomProperty().get()), options.zoomProperty()));
        int biggest = ViewOptions.ZOOM_STEPS.get(ViewOptions.ZOOM_STEPS.size() - 1);
        int smallest = ViewOptions.ZOOM_STEPS.get(0);
        zoomIn.disableProperty().bind(options.zoomProperty().isEqualTo(biggest));
        zoomOut.disableProperty().bind(options.zoomProperty().isEqualTo(smallest));
        zoomReset.disableProperty().bind(options.zoomProperty().isEqualTo(ViewOptions.ACTUAL_SIZE));
    }

    private void showStatusOf(TabModel sessionTab) {
        rxRate.textProperty().unbind();
        txRate.textProperty().unbind();
        if (sessionTab != null) {
            ThroughputModel throughput = sessionTab.traffic().throughput();
            rxRate.textProperty().bind(Bindings.createStringBinding(() -> rate(throughput.currentProperty().get(), true),
                    throughput.currentProperty()));
            txRate.textProperty().bind(Bindings.createStringBinding(() -> rate(throughput.currentProperty().get(), false),
                    throughput.currentProperty()));
            chart.setSamples(throughput.history());
        } else {
            rxRate.setText("");
            txRate.setText("");
            chart.setSamples(null);
        }
    }

    private static String rate(ThroughputSample rate, boolean receive) {
        return receive
                ? I18n.format("status.rate", ByteRates.format(rate.rxBytesPerSecond()), ByteRates.perSecond(rate.rxMessagesPerSecond()))
                : I18n.format("status.rate", ByteRates.format(rate.txBytesPerSecond()), ByteRates.perSecond(rate.txMessagesPerSecond()));
    }

    @FXML
    private void useEnglish() {
        switchTo(Locale.ENGLISH);
    }

    @FXML
    private void useChinese() {
        switchTo(I18n.CHINESE);
    }

    private void switchTo(Locale locale) {
        if (!locale.getLanguage().equals(I18n.locale().getLanguage())) {
            // Later: the window is rebuilt, so let the menu close first.
            Platform.runLater(() -> languageSwitcher.accept(locale));
        }
    }

    @FXML
    private void exit() {
        Platform.exit();
    }

    @FXML
    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        alert.setTitle(I18n.text("about.title"));
        alert.setHeaderText(I18n.text("app.title"));
        Label text = new Label(I18n.text("about.text"));
        text.setWrapText(true);
        Label version = new Label(I18n.format("about.version", AppInfo.version()));
        version.setId("aboutVersion");
        // A field, not a label: the path can be selected and copied.
        TextField logFile = new TextField(AppInfo.logFile().toString());
        logFile.setId("aboutLogFile");
        logFile.setEditable(false);
        logFile.setPrefColumnCount(36);
        Label logCaption = new Label(I18n.text("about.logFile"));
        logCaption.setWrapText(true);
        VBox content = new VBox(10, text, version, logCaption, logFile);
        content.setPrefWidth(480);
        alert.getDialogPane().setContent(content);
        alert.initOwner(tabs.getScene().getWindow());
        DialogStyle.like(alert, tabs.getScene().getWindow());
        alert.showAndWait();
    }
}
