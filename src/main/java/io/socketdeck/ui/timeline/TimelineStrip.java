package io.socketdeck.ui.timeline;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.ui.fx.Tips;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The thin strip beside a tab's counters: its {@link TimelineChart} over the last minutes, and a
 * small button that saves the same events as CSV. Its automation id is the tab's prefix and
 * {@code Timeline} ({@code clientTimeline}); the export button's is that id plus {@code Export}.
 */
public final class TimelineStrip extends HBox {

    /** Wide enough to read minutes of marks, narrow enough to share the counters' row at the minimum size. */
    private static final double PREF_WIDTH = 240;

    private final TimelineChart chart = new TimelineChart();
    private final Button export = new Button();

    public TimelineStrip() {
        getStyleClass().add("timeline-strip");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        setPadding(new javafx.geometry.Insets(1, 6, 1, 6));
        setPrefWidth(PREF_WIDTH);
        setMinHeight(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
        HBox.setHgrow(chart, Priority.ALWAYS);
        FontIcon icon = new FontIcon("fth-download");
        icon.setIconSize(11);
        export.setGraphic(icon);
        // As thin as the chart: the strip must not take a row from the log at the window's minimum size.
        export.setStyle("-fx-padding: 0 4 0 4; -fx-background-insets: 0; -fx-min-height: 14; -fx-pref-height: 14; -fx-max-height: 14;");
        export.getStyleClass().addAll("flat", "small", "timeline-export");
        export.setFocusTraversable(false);
        export.setMinWidth(USE_PREF_SIZE);
        Tips.setText(export, TimelineTexts.exportTooltip());
        getChildren().setAll(chart, export);
    }

    /**
     * Names the strip {@code id} and its export button {@code id + "Export"}, once, when the tab
     * names its controls. Set together here rather than followed from the strip's id: a later tab
     * numbers every id of its view, the strip's and the button's each on its own.
     */
    public void setIds(String id) {
        setId(id);
        export.setId(id + "Export");
    }

    /** Shows {@code model}'s frames; the export's outcome is told to {@code notes} (the log). FX thread, once per view. */
    public void bind(TimelineModel model, BiConsumer<LogEntry.Kind, String> notes) {
        chart.show(model);
        export.setOnAction(event -> TimelineExport.chooseAndSave(this, model.timeline(), notes));
    }

    TimelineChart chart() {
        return chart;
    }
}
