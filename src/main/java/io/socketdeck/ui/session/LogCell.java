package io.socketdeck.ui.session;

import io.socketdeck.core.codec.HexFormatter;
import io.socketdeck.ui.i18n.I18n;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A log row: time, direction badge, peer, then the payload as text or hex. Only previews are
 * drawn, so a row costs the same for 10 bytes and for 64 KiB.
 */
final class LogCell extends ListCell<LogEntry> {

    static final int HEX_PREVIEW_BYTES = 256;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final ObservableBooleanValue hexView;
    private final Label time = new Label();
    private final Label badge = new Label();
    private final Label peer = new Label();
    private final Label payload = new Label();
    private final HBox row = new HBox(time, badge, peer, payload);

    LogCell(ObservableBooleanValue hexView) {
        this.hexView = hexView;
        getStyleClass().add("log-cell");
        row.getStyleClass().add("log-row");
        time.getStyleClass().add("log-time");
        badge.getStyleClass().add("log-badge");
        peer.getStyleClass().add("log-peer");
        payload.getStyleClass().add("log-payload");
        payload.setWrapText(true);
        time.setMinWidth(USE_PREF_SIZE);
        badge.setMinWidth(USE_PREF_SIZE);
        peer.setMinWidth(USE_PREF_SIZE);
        payload.setMinWidth(0);
        HBox.setHgrow(payload, Priority.ALWAYS);
        payload.setMaxWidth(Double.MAX_VALUE);
        // Let the row take the list's width so long payloads wrap instead of scrolling sideways.
        setPrefWidth(0);
        setText(null);
    }

    @Override
    protected void updateItem(LogEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        badge.getStyleClass().removeAll("rx", "tx", "info", "error");
        if (empty || entry == null) {
            setGraphic(null);
            return;
        }
        time.setText(TIME.format(Instant.ofEpochMilli(entry.timeMillis())));
        badge.setText(I18n.text("log.kind." + entry.kind().name()));
        badge.getStyleClass().add(entry.kind().name().toLowerCase(java.util.Locale.ROOT));
        peer.setText(entry.peer());
        payload.setText(entry.isData() ? payloadText(entry, hexView.get()) : entry.message());
        setGraphic(row);
    }

    static String payloadText(LogEntry entry, boolean hex) {
        if (hex) {
            String shown = HexFormatter.formatPreview(entry.bytes(), HEX_PREVIEW_BYTES);
            return entry.byteCount() > HEX_PREVIEW_BYTES ? shown + moreSuffix(entry) : shown;
        }
        String shown = Printable.of(entry.text());
        return entry.isTruncated() ? shown + moreSuffix(entry) : shown;
    }

    private static String moreSuffix(LogEntry entry) {
        return " " + I18n.format("log.more", I18n.count(entry.byteCount()));
    }
}
