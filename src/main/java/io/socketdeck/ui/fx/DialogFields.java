package io.socketdeck.ui.fx;

import java.util.function.Function;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The small pieces a dialog's form is made of: fields with their ids, a field's message under it, a hint. */
public final class DialogFields {

    /** How wide a message or a hint may grow before it wraps. */
    private static final double TEXT_WIDTH = 460;

    private DialogFields() {
    }

    public static TextField textField(String id, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        return field;
    }

    public static CheckBox checkBox(String id, String text) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        return box;
    }

    /** {@code field} with {@code error} under it, in a label with id {@code messageId} ({@link FieldErrorBinding}). */
    public static VBox withMessage(Control field, ObservableStringValue error, String messageId) {
        Label message = new Label();
        message.setId(messageId);
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        message.setMaxWidth(TEXT_WIDTH);
        FieldErrorBinding.bind(error, message, field);
        return new VBox(2, field, message);
    }

    /** An explanation under a form, in the muted text of the theme. */
    public static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.setMaxWidth(TEXT_WIDTH);
        hint.getStyleClass().add("dialog-hint");
        return hint;
    }

    /** Shows each choice by {@code name}; a choice list, not typed into. */
    public static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
