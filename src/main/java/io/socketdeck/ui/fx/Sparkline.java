package io.socketdeck.ui.fx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A tiny two-line chart for the status bar: the last minute of receive and send rates, scaled
 * to the larger of the two. Drawn on a canvas once per sample, not a full chart control. Its
 * colours come from the stylesheet ({@code -sd-first-line-color}, {@code -sd-second-line-color},
 * {@code -sd-base-line-color}), so a theme's own colours draw it.
 */
public final class Sparkline<T> extends Region {

    private static final CssMetaData<Sparkline<?>, Paint> FIRST_COLOR = colorMetaData("-sd-first-line-color", s -> s.firstColor);
    private static final CssMetaData<Sparkline<?>, Paint> SECOND_COLOR = colorMetaData("-sd-second-line-color", s -> s.secondColor);
    private static final CssMetaData<Sparkline<?>, Paint> BASE_COLOR = colorMetaData("-sd-base-line-color", s -> s.baseColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.addAll(List.of(FIRST_COLOR, SECOND_COLOR, BASE_COLOR));
        CSS_META_DATA = Collections.unmodifiableList(all);
    }

    private final StyleableObjectProperty<Paint> firstColor = colorProperty(FIRST_COLOR, "firstColor");
    private final StyleableObjectProperty<Paint> secondColor = colorProperty(SECOND_COLOR, "secondColor");
    private final StyleableObjectProperty<Paint> baseColor = colorProperty(BASE_COLOR, "baseColor");
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

    private static CssMetaData<Sparkline<?>, Paint> colorMetaData(String property,
                                                                  Function<Sparkline<?>, StyleableObjectProperty<Paint>> of) {
        return new CssMetaData<>(property, PaintConverter.getInstance(), Color.GRAY) {
            @Override
            public boolean isSettable(Sparkline<?> node) {
                return !of.apply(node).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(Sparkline<?> node) {
                return of.apply(node);
            }
        };
    }

    private StyleableObjectProperty<Paint> colorProperty(CssMetaData<Sparkline<?>, Paint> metaData, String name) {
        return new SimpleStyleableObjectProperty<>(metaData, this, name, Color.GRAY) {
            @Override
            protected void invalidated() {
                draw(); // a theme switch recolours it at once
            }
        };
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS_META_DATA;
    }

    /** The first series' line colour, from {@code -sd-first-line-color}. */
    public Paint getFirstColor() {
        return firstColor.get();
    }

    /** The second series' line colour, from {@code -sd-second-line-color}. */
    public Paint getSecondColor() {
        return secondColor.get();
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
        if (width <= 0 || height <= 0) {
            return;
        }
        g.setStroke(baseColor.get()); // the zero line: an idle minute reads as "nothing", not as a blank box
        g.setLineWidth(1);
        g.strokeLine(0, height - 0.5, width, height - 0.5);
        if (samples == null || samples.isEmpty()) {
            return;
        }
        List<T> points = List.copyOf(samples);
        double max = 1;
        for (T point : points) {
            max = Math.max(max, Math.max(first.applyAsDouble(point), second.applyAsDouble(point)));
        }
        line(g, points, second, secondColor.get(), max, width, height);
        line(g, points, first, firstColor.get(), max, width, height);
    }

    private void line(GraphicsContext g, List<T> points, ToDoubleFunction<T> value, Paint color, double max,
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
