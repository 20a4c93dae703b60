package io.socketdeck.ui.timeline;

import io.socketdeck.ui.log.TrafficLog;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The thin strip at the foot of a tab: its {@link TimelineChart} over the last minutes, and a
 * small button that saves the same events as CSV. Placed in a tab's FXML with its automation id
 * ({@code clientTimeline}); the export button's id is that id plus {@code Export}.
 */
public final class TimelineStrip extends HBox {

    private final TimelineChart chart = new TimelineChart();
    private final Button export = new Button();

    public TimelineStrip() {
        getStyleClass().add("timeline-strip");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        setMinHeight(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
        HBox.setHgrow(chart, Priority.ALWAYS);
        export.setGraphic(new FontIcon("fth-download"));
        export.getStyleClass().addAll("flat", "small", "timeline-export");
        export.setFocusTraversable(false);
        export.setMinWidth(USE_PREF_SIZE);
        export.setTooltip(new Tooltip(TimelineTexts.exportTooltip()));
        getChildren().setAll(chart, export);
        idProperty().addListener((obs, old, now) -> export.setId(now == null ? null : now + "Export"));
    }

    /** Shows {@code model}'s frames; the export's outcome is a note in {@code log}. FX thread, once per view. */
    public void bind(TimelineModel model, TrafficLog log) {
        chart.show(model);
        export.setOnAction(event -> TimelineExport.chooseAndSave(this, model.timeline(), log));
    }

    TimelineChart chart() {
        return chart;
    }
}
