package io.socketdeck.ui.fx;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A node's help text, shown as a tooltip that is made when the pointer first comes over the node.
 * A {@link Tooltip} is a popup window with a scene of its own, and a tab's view has about fifty,
 * most of them never shown: fifty made on the FX thread took 20-30 ms warm and 125 ms in a fresh
 * JVM; made late, the TCP client view's FXML took 120-140 ms of the FX thread's CPU in a cold
 * start instead of 159-181 (sampled).
 *
 * <p>In FXML: {@code <TextField Tips.text="%key"/>} (with {@code <?import io.socketdeck.ui.fx.Tips?>}).
 * Every tip wraps at {@value #MAX_WIDTH} px. A screen reader gets the text as the node's
 * accessible help at once.
 */
public final class Tips {

    static final double MAX_WIDTH = 420;
    private static final Object TEXT = new Object();
    private static final Object TOOLTIP = new Object();
    private static final EventHandler<MouseEvent> MAKE_ON_HOVER = event -> made((Node) event.getSource());

    private Tips() {
    }

    /** Gives {@code node} the help text {@code text} (null or blank: none), replacing any it had. */
    public static void setText(Node node, String text) {
        String shown = text == null || text.isBlank() ? null : text;
        Object before = shown == null ? node.getProperties().remove(TEXT) : node.getProperties().put(TEXT, shown);
        if (before == null && shown != null) {
            node.addEventHandler(MouseEvent.MOUSE_ENTERED, MAKE_ON_HOVER);
        } else if (before != null && shown == null) {
            node.removeEventHandler(MouseEvent.MOUSE_ENTERED, MAKE_ON_HOVER);
        }
        node.setAccessibleHelp(shown);
        if (node.getProperties().get(TOOLTIP) instanceof Tooltip tooltip) {
            if (shown != null) {
                tooltip.setText(shown);
            } else {
                node.getProperties().remove(TOOLTIP);
                uninstall(node, tooltip);
            }
        }
    }

    /** The help text {@code node} has; null when none. */
    public static String getText(Node node) {
        return (String) node.getProperties().get(TEXT);
    }

    /** The tooltip showing {@code node}'s text, made (and installed) now if it was not yet; null without a text. */
    static Tooltip made(Node node) {
        String text = getText(node);
        if (text == null) {
            return null;
        }
        if (node.getProperties().get(TOOLTIP) instanceof Tooltip tooltip) {
            return tooltip;
        }
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(MAX_WIDTH);
        node.getProperties().put(TOOLTIP, tooltip);
        if (node instanceof Control control) {
            control.setTooltip(tooltip);
        } else {
            Tooltip.install(node, tooltip);
        }
        return tooltip;
    }

    private static void uninstall(Node node, Tooltip tooltip) {
        if (node instanceof Control control) {
            if (control.getTooltip() == tooltip) {
                control.setTooltip(null);
            }
        } else {
            Tooltip.uninstall(node, tooltip);
        }
    }
}
