package io.socketdeck.ui.common;

import io.socketdeck.core.codec.SupportedCharsets;
import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.ui.fx.DialogFields;
import java.nio.charset.Charset;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** The dropdowns for what is appended on send, labelled the same wherever they appear. */
public final class SendOptionChoices {

    private SendOptionChoices() {
    }

    public static ComboBox<LineEnding> lineEndings() {
        ComboBox<LineEnding> combo = new ComboBox<>();
        fillLineEndings(combo);
        return combo;
    }

    public static void fillLineEndings(ComboBox<LineEnding> combo) {
        combo.getItems().setAll(LineEnding.values());
        combo.setConverter(DialogFields.named(ending -> I18n.text("send.lineEnding." + ending.name())));
    }

    public static ComboBox<Checksum> checksums() {
        ComboBox<Checksum> combo = new ComboBox<>();
        fillChecksums(combo);
        return combo;
    }

    public static void fillChecksums(ComboBox<Checksum> combo) {
        combo.getItems().setAll(Checksum.values());
        combo.setConverter(DialogFields.named(sum -> sum == Checksum.NONE ? I18n.text("send.checksum.NONE") : sum.displayName()));
    }

    public static StringConverter<Charset> charsetNames() {
        return new StringConverter<>() {
            @Override
            public String toString(Charset charset) {
                return charset == null ? "" : charset.name();
            }

            @Override
            public Charset fromString(String text) {
                return SupportedCharsets.byName(text);
            }
        };
    }
}
