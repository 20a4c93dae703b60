package io.socketdeck.ui.app;

import io.socketdeck.core.stats.ThroughputMeter;
import io.socketdeck.core.stats.ThroughputSample;
import io.socketdeck.ui.common.ByteRates;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.Sparkline;
import io.socketdeck.ui.log.TrafficLog;
import io.socketdeck.ui.tab.TabModel;
import io.socketdeck.ui.tab.ThroughputModel;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/** The menu, the tabs and the status bar. */
public final class MainWindowController {

    @FXML private TabPane tabs;
    @FXML private RadioMenuItem languageEnglish;
    @FXML private RadioMenuItem languageChinese;
    @FXML private ToggleGroup languageGroup;
    @FXML private StatusBar statusBar;
    @FXML private Menu logLimitMenu;

    private final Consumer<Locale> languageSwitcher;
    private final List<TabView> tabViews;
    private final Map<String, TabModel> sessionTabs = new HashMap<>();
    private final IntegerProperty logLimit;
    private final Label rates = new Label();
    private final Sparkline<ThroughputSample> chart = new Sparkline<>(ThroughputSample::rxBytesPerSecond,
            ThroughputSample::txBytesPerSecond, ThroughputMeter.HISTORY);

    /** One tab to show: its automation id, title, icon, view and model. */
    public record TabView(String id, String title, String icon, Parent content, TabModel model) {
    }

    public MainWindowController(Consumer<Locale> languageSwitcher, List<TabView> tabViews, IntegerProperty logLimit) {
        this.languageSwitcher = languageSwitcher;
        this.tabViews = List.copyOf(tabViews);
        this.logLimit = logLimit;
    }

    @FXML
    private void initialize() {
        for (TabView view : tabViews) {
            Tab tab = new Tab(view.title(), view.content());
            tab.setId(view.id());
            tab.setGraphic(new FontIcon(view.icon()));
            tabs.getTabs().add(tab);
            sessionTabs.put(view.id(), view.model());
        }
        boolean chinese = I18n.CHINESE.getLanguage().equals(I18n.locale().getLanguage());
        (chinese ? languageChinese : languageEnglish).setSelected(true);
        buildLogLimitMenu();
        rates.setId("statusRates");
        rates.getStyleClass().add("status-rates");
        chart.setId("statusChart");
        Tooltip.install(chart, new Tooltip(I18n.text("status.chart")));
        statusBar.getRightItems().setAll(rates, chart);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showStatusOf(now));
        showStatusOf(tabs.getSelectionModel().getSelectedItem());
    }

    private void buildLogLimitMenu() {
        ToggleGroup limits = new ToggleGroup();
        for (int limit : TrafficLog.ENTRY_LIMITS) {
            RadioMenuItem item = new RadioMenuItem(I18n.format("menu.view.logLimit.entries", limit));
            item.setId("logLimit" + limit);
            item.setToggleGroup(limits);
            item.setSelected(limit == logLimit.get());
            item.setOnAction(event -> logLimit.set(limit));
            logLimitMenu.getItems().add(item);
        }
    }

    private void showStatusOf(Tab tab) {
        statusBar.textProperty().unbind();
        rates.textProperty().unbind();
        TabModel sessionTab = tab == null ? null : sessionTabs.get(tab.getId());
        if (sessionTab != null) {
            statusBar.textProperty().bind(sessionTab.statusProperty());
            ThroughputModel throughput = sessionTab.traffic().throughput();
            rates.textProperty().bind(Bindings.createStringBinding(() -> describe(throughput.currentProperty().get()),
                    throughput.currentProperty()));
            chart.setSamples(throughput.history());
        } else {
            statusBar.setText("");
            rates.setText("");
            chart.setSamples(null);
        }
    }

    private static String describe(ThroughputSample rate) {
        return I18n.format("status.rates", ByteRates.format(rate.rxBytesPerSecond()),
                ByteRates.perSecond(rate.rxMessagesPerSecond()), ByteRates.format(rate.txBytesPerSecond()),
                ByteRates.perSecond(rate.txMessagesPerSecond()));
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
        VBox content = new VBox(10, text, version, new Label(I18n.text("about.logFile")), logFile);
        content.setPrefWidth(460);
        alert.getDialogPane().setContent(content);
        alert.initOwner(tabs.getScene().getWindow());
        alert.showAndWait();
    }
}
