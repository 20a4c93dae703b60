package io.socketdeck.ui.framing;

import static io.socketdeck.ui.fx.DialogFields.checkBox;
import static io.socketdeck.ui.fx.DialogFields.hint;
import static io.socketdeck.ui.fx.DialogFields.named;
import static io.socketdeck.ui.fx.DialogFields.textField;
import static io.socketdeck.ui.fx.DialogFields.withMessage;

import io.socketdeck.core.codec.EscapeText;
import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.PayloadOptions;
import io.socketdeck.core.send.Payloads;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.common.Numbers;
import io.socketdeck.ui.common.PayloadErrors;
import io.socketdeck.ui.fx.DialogStyle;
import io.socketdeck.ui.fx.FormGrid;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Picks how a TCP tab cuts what it receives into rows. Only the fields of the chosen kind show;
 * OK checks them first, and a bad one keeps the dialog open with the reason under that field.
 */
final class FramingDialog extends Dialog<Framing> {

    private final ComboBox<FramingKind> kind = new ComboBox<>();
    private final TextField delimiter = textField("framingDelimiter", 10);
    private final CheckBox delimiterHex = checkBox("framingDelimiterHex", I18n.text("framing.delimiter.hex"));
    private final CheckBox keep = checkBox("framingKeep", I18n.text("framing.delimiter.keep"));
    private final TextField length = textField("framingLength", 7);
    private final ComboBox<Integer> width = new ComboBox<>();
    private final ComboBox<ByteOrder> order = new ComboBox<>();
    private final TextField offset = textField("framingOffset", 5);
    private final CheckBox countsHeader = checkBox("framingCountsHeader", I18n.text("framing.length.countsHeader"));
    private final TextField max = textField("framingMax", 9);
    private final TextField gap = textField("framingGap", 6);
    private final StringProperty delimiterError = new SimpleStringProperty();
    private final StringProperty lengthError = new SimpleStringProperty();
    private final StringProperty offsetError = new SimpleStringProperty();
    private final StringProperty maxError = new SimpleStringProperty();
    private final StringProperty gapError = new SimpleStringProperty();
    private final Map<FramingKind, FormGrid> forms = new EnumMap<>(FramingKind.class);

    FramingDialog(Window owner, Framing initial) {
        initOwner(owner);
        setTitle(I18n.text("framing.title"));
        kind.setId("framingKind");
        kind.getItems().setAll(FramingKind.values());
        kind.setConverter(named(value -> I18n.text(value.key())));
        width.setId("framingWidth");
        width.getItems().setAll(1, 2, 4);
        width.setConverter(named(bytes -> I18n.format("framing.length.widthBytes", bytes)));
        order.setId("framingOrder");
        order.getItems().setAll(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN);
        order.setConverter(named(value -> I18n.text(value == ByteOrder.BIG_ENDIAN ? "framing.order.big"
                : "framing.order.little")));
        order.setButtonCell(new ListCell<>() { // a ComboBox's button shows toString() unless told
            @Override
            protected void updateItem(ByteOrder item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : order.getConverter().toString(item));
            }
        });
        delimiter.getStyleClass().add("send-input"); // fixed-width, as in the send box
        fill(initial);

        FormGrid head = new FormGrid().row(I18n.text("framing.kind"), kind);
        forms.put(FramingKind.AS_READ, new FormGrid().wide(hint(I18n.text("framing.hint.AS_READ"))));
        forms.put(FramingKind.DELIMITER, new FormGrid()
                .row(I18n.text("framing.delimiter"), withMessage(delimiter, delimiterError, "framingDelimiterError"))
                .row(null, new HBox(16, delimiterHex, keep))
                .wide(hint(I18n.text("framing.hint.DELIMITER"))));
        forms.put(FramingKind.FIXED_LENGTH, new FormGrid()
                .row(I18n.text("framing.fixed.length"), withMessage(length, lengthError, "framingLengthError")));
        forms.put(FramingKind.LENGTH_PREFIX, new FormGrid()
                .row(I18n.text("framing.length.width"), new HBox(8, width, order))
                .row(I18n.text("framing.length.offset"), withMessage(offset, offsetError, "framingOffsetError"))
                .row(null, countsHeader)
                .row(I18n.text("framing.length.max"), withMessage(max, maxError, "framingMaxError"))
                .wide(hint(I18n.text("framing.hint.LENGTH_PREFIX"))));
        forms.put(FramingKind.IDLE_GAP, new FormGrid()
                .row(I18n.text("framing.gap"), withMessage(gap, gapError, "framingGapError"))
                .wide(hint(I18n.text("framing.hint.IDLE_GAP"))));
        VBox content = new VBox(12, head);
        content.getChildren().addAll(forms.values());
        kind.valueProperty().addListener((obs, old, now) -> showFormOf(now));
        showFormOf(kind.getValue());

        getDialogPane().setContent(content);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        setResizable(true);
        DialogStyle.like(this, owner);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            if (framing() == null) {
                event.consume(); // the reason is under the field
            }
        });
        setResultConverter(button -> button == ButtonType.OK ? framing() : null);
    }

    private void fill(Framing initial) {
        kind.setValue(FramingKind.of(initial));
        delimiter.setText("\\r\\n");
        keep.setSelected(false);
        length.setText("16");
        width.setValue(2);
        order.setValue(ByteOrder.BIG_ENDIAN);
        offset.setText("0");
        max.setText(Integer.toString(64 * 1024));
        gap.setText("20");
        if (initial instanceof Framing.Delimiter given) {
            boolean printable = EscapeText.format(given.delimiter(), StandardCharsets.UTF_8).indexOf("\\x") < 0;
            delimiterHex.setSelected(!printable);
            delimiter.setText(printable ? EscapeText.format(given.delimiter(), StandardCharsets.UTF_8)
                    : HexFormat.ofDelimiter(" ").withUpperCase().formatHex(given.delimiter()));
            keep.setSelected(given.keep());
        } else if (initial instanceof Framing.FixedLength given) {
            length.setText(Integer.toString(given.length()));
        } else if (initial instanceof Framing.LengthPrefix given) {
            width.setValue(given.width());
            order.setValue(given.order());
            offset.setText(Integer.toString(given.offset()));
            countsHeader.setSelected(given.countsHeader());
            max.setText(Integer.toString(given.maxFrame()));
        } else if (initial instanceof Framing.IdleGap given) {
            gap.setText(Integer.toString(given.millis()));
        }
    }

    private void showFormOf(FramingKind shown) {
        forms.forEach((formKind, form) -> {
            form.setVisible(formKind == shown);
            form.setManaged(formKind == shown);
        });
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    /** The framing the fields describe; null, with each bad field's reason shown under it, when they describe none. */
    Framing framing() {
        for (StringProperty error : new StringProperty[] {delimiterError, lengthError, offsetError, maxError, gapError}) {
            error.set(null);
        }
        return switch (kind.getValue()) {
            case AS_READ -> Framing.AsRead.INSTANCE;
            case DELIMITER -> delimiter();
            case FIXED_LENGTH -> {
                long value = number(length, 1, Framing.MAX_FRAME, lengthError);
                yield value < 0 ? null : new Framing.FixedLength((int) value);
            }
            case LENGTH_PREFIX -> {
                long at = number(offset, 0, 1024, offsetError);
                long most = number(max, at < 0 ? 1 : at + width.getValue(), Framing.MAX_FRAME, maxError);
                yield at < 0 || most < 0 ? null
                        : new Framing.LengthPrefix(width.getValue(), order.getValue(), (int) at, countsHeader.isSelected(),
                                (int) most);
            }
            case IDLE_GAP -> {
                long value = number(gap, 1, 60_000, gapError);
                yield value < 0 ? null : new Framing.IdleGap((int) value);
            }
        };
    }

    private Framing delimiter() {
        PayloadOptions options = new PayloadOptions(delimiterHex.isSelected(), StandardCharsets.UTF_8,
                !delimiterHex.isSelected(), LineEnding.NONE, Checksum.NONE);
        try {
            byte[] bytes = Payloads.build(delimiter.getText(), options);
            if (bytes.length == 0 || bytes.length > 64) {
                delimiterError.set(I18n.text("framing.error.delimiterSize"));
                return null;
            }
            return new Framing.Delimiter(bytes, keep.isSelected());
        } catch (PayloadException e) {
            delimiterError.set(PayloadErrors.describe(e));
            return null;
        }
    }

    private static long number(TextField field, long min, long maxValue, StringProperty error) {
        long value = Numbers.parse(field.getText(), min, maxValue);
        if (value < 0) {
            error.set(I18n.format("framing.error.range", I18n.count(min), I18n.count(maxValue)));
        }
        return value;
    }
}
