package io.socketdeck.ui.fx;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A dialog's form: captions on the left, never cut (a caption is as wide as its words, in any
 * language), fields on the right taking the rest of the width.
 */
public final class FormGrid extends GridPane {

    private int rows;

    public FormGrid() {
        setHgap(10);
        setVgap(8);
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        captions.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        getColumnConstraints().setAll(captions, fields);
    }

    /** A row: {@code caption} (may be null for none) and its field. */
    public FormGrid row(String caption, Node field) {
        if (caption != null) {
            Label label = new Label(caption);
            label.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setValignment(label, VPos.TOP);
            label.setPadding(new javafx.geometry.Insets(6, 0, 0, 0)); // level with the field's text
            add(label, 0, rows);
        }
        add(field, 1, rows);
        rows++;
        return this;
    }

    /** A row across both columns, e.g. a message. */
    public FormGrid wide(Node node) {
        add(node, 0, rows, 2, 1);
        rows++;
        return this;
    }
}
