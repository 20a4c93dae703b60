package io.socketdeck.ui.fx;

import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A tiny two-line chart for the status bar: the last minute of receive and send rates, scaled
 * to the larger of the two. Drawn on a canvas once per sample, not a full chart control.
 */
public final class Sparkline<T> extends Region {

    private static final Color RX = Color.web("#1a7f37");
    private static final Color TX = Color.web("#0969da");

    private final Canvas canvas = new Canvas();
    private final ToDoubleFunction<T> first;
    private final ToDoubleFunction<T> second;
    private final int capacity;
    private ObservableList<T> samples;
    private final ListChangeListener<T> redraw = change -> draw();
    /** Held by the list weakly: a chart dropped with its window does not stay subscribed to a model. */
    private final WeakListChangeListener<T> weakRedraw = new WeakListChangeListener<>(redraw);

    public Sparkline(ToDoubleFunction<T> first, ToDoubleFunction<T> second, int capacity) {
        this.first = first;
        this.second = second;
        this.capacity = capacity;
        getStyleClass().add("sparkline");
        getChildren().add(canvas);
        setPrefSize(120, 18);
        setMinSize(60, 12);
    }

    /** Shows {@code list}, oldest first; null shows nothing. */
    public void setSamples(ObservableList<T> list) {
        if (samples != null) {
            samples.removeListener(weakRedraw);
        }
        samples = list;
        if (samples != null) {
            samples.addListener(weakRedraw);
        }
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        if (samples == null || samples.isEmpty() || width <= 0 || height <= 0) {
            return;
        }
        List<T> points = List.copyOf(samples);
        double max = 1;
        for (T point : points) {
            max = Math.max(max, Math.max(first.applyAsDouble(point), second.applyAsDouble(point)));
        }
        line(g, points, second, TX, max, width, height);
        line(g, points, first, RX, max, width, height);
    }

    private void line(GraphicsContext g, List<T> points, ToDoubleFunction<T> value, Color color, double max,
                      double width, double height) {
        double step = width / Math.max(1, capacity - 1);
        double x = width - step * (points.size() - 1);
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < points.size(); i++) {
            double y = height - 1 - (height - 2) * value.applyAsDouble(points.get(i)) / max;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
            x += step;
        }
        g.stroke();
    }
}
