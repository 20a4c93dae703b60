package io.socketdeck.ui.options;

import io.socketdeck.ui.common.Fxml;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.Tips;
import io.socketdeck.ui.fx.ViewListeners;
import io.socketdeck.ui.tls.TlsSectionPopup;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.layout.HBox;

/**
 * A tab's socket options: a button in the connection bar whose tooltip says what is set, and the
 * panel it opens under the bar (closed by default; made when first opened). Each tab names it
 * with {@code idPrefix}, which gives its controls their ids ({@code clientOptions} the panel,
 * {@code clientOptionsButton} the button, {@code clientNoDelay}, {@code serverRcvBuf},
 * {@code udpTos}…, numbered as the tab's view is); {@link #bind} shows the rows the tab's kind has.
 */
public final class SocketOptionsPane extends HBox {

    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    @FXML private Button toggle;

    private String idPrefix = "";
    private SocketOptionsModel model;
    private StringBinding summary;
    private ObservableBooleanValue connectionLocked = new SimpleBooleanProperty(false);
    private TlsSectionPopup popup;

    public SocketOptionsPane() {
        Fxml.loadComponent(this);
    }

    /** True: the button shows its icon only (its words in the tooltip), for a bar with no room to spare. */
    public boolean isCompact() {
        return toggle.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY;
    }

    public void setCompact(boolean compact) {
        toggle.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
    }

    public String getIdPrefix() {
        return idPrefix;
    }

    /** Names the button {@code <prefix>OptionsButton}, the panel {@code <prefix>Options} and its controls after it. */
    public void setIdPrefix(String prefix) {
        idPrefix = prefix;
        toggle.setId(prefix + "OptionsButton");
    }

    /** The button says what {@code model} sets and opens its fields; a field's problem opens them. */
    public void bind(SocketOptionsModel model) {
        this.model = model;
        summary = Bindings.createStringBinding(
                () -> I18n.format("options.title", model.summary()),
                model.noDelayProperty(), model.keepAliveProperty(), model.keepIdleProperty(),
                model.keepIntervalProperty(), model.keepCountProperty(), model.receiveBufferProperty(),
                model.sendBufferProperty(), model.lingerProperty(), model.trafficClassProperty(),
                model.reusePortProperty(), model.localAddressProperty(), model.localPortProperty(),
                model.revisionProperty());
        Tips.setText(toggle, summary.get());
        summary.addListener((obs, old, now) -> Tips.setText(toggle, now));
        toggle.setOnAction(event -> open());
        // Something could not be set as asked: the button says so until the next grant, in a
        // view built again too (a language switch).
        Runnable warn = () -> toggle.pseudoClassStateChanged(WARNING,
                model.noteProperty().get() != null && !model.noteProperty().get().isEmpty());
        ViewListeners.onChange(this, model.noteProperty(), (obs, old, now) -> warn.run());
        warn.run();
        // A field's problem is shown where it is: the panel opens.
        for (ObservableStringValue error : new ObservableStringValue[] {model.keepAliveErrorProperty(),
                model.receiveBufferErrorProperty(), model.sendBufferErrorProperty(), model.lingerErrorProperty(),
                model.trafficClassErrorProperty(), model.localErrorProperty()}) {
            ViewListeners.onChange(this, error, (obs, old, now) -> {
                if (now != null && !now.isEmpty()) {
                    open();
                }
            });
        }
    }

    /** The fields that apply only before connecting (the local address) are locked while {@code locked}. */
    public void lockConnectionFieldsWhile(ObservableBooleanValue locked) {
        connectionLocked = locked;
    }

    /** Opens the panel under the tab's connection bar (or moves it there when open). */
    public void open() {
        if (model == null) {
            return;
        }
        if (popup == null) {
            // The popup records the panel with this view, which numbers it in a later tab.
            popup = new TlsSectionPopup(new SocketOptionsPanel(idPrefix, model, summary, connectionLocked), this);
        }
        popup.showUnder(toggle, bar());
    }

    /** Closes the panel; its fields keep their values (in the model). */
    public void close() {
        if (popup != null) {
            popup.hide();
        }
    }

    /** True while the panel is open. */
    public boolean isOpen() {
        return popup != null && popup.isShowing();
    }

    /** The connection bar this button sits in: the panel opens under all of it, never over Connect. */
    private Node bar() {
        for (Parent up = getParent(); up != null; up = up.getParent()) {
            if (up.getStyleClass().contains("connection-bar")) {
                return up;
            }
        }
        return this;
    }
}
