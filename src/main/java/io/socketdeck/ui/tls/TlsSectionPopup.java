package io.socketdeck.ui.tls;

import io.socketdeck.ui.fx.ViewIds;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.layout.Region;
import javafx.stage.Popup;

/**
 * Shows a TCP tab's TLS section under the button that opens it: a popup, not a row of the bar,
 * so the tab fits the window's minimum size with TLS on. It looks like the window (its
 * stylesheets and zoom) and closes when the user clicks elsewhere; its fields keep their values
 * in the view model whether it shows or not.
 */
public final class TlsSectionPopup {

    private final Popup popup = new Popup();
    private final Region section;
    private final Parent styledLike;

    /** @param styledLike the tab's view: the section takes its stylesheets, the scene's and its zoom */
    public TlsSectionPopup(Region section, Parent styledLike) {
        this.section = section;
        this.styledLike = styledLike;
        ViewIds.detached(styledLike, section); // a second tab's section is numbered with its view
        // The section listens to the tab's model while it is in a scene (ViewListeners), and the
        // popup's scene lives on: the section is in it only while the view is in one, so a view
        // built again (a language switch) lets the old one go.
        styledLike.sceneProperty().addListener((obs, old, now) -> holdSection(now != null));
        holdSection(styledLike.getScene() != null);
        popup.setAutoHide(true);
        popup.setAutoFix(true); // kept on the screen
        popup.setHideOnEscape(true);
        popup.setConsumeAutoHidingEvents(false); // a click on Listen closes it and listens, in one click
    }

    /**
     * Shows it below {@code bar} (the whole connection bar, so it never covers Listen), starting
     * under {@code anchor}; or moves it there when shown.
     */
    public void showUnder(Control anchor, Node bar) {
        if (anchor.getScene() == null || anchor.getScene().getWindow() == null || !anchor.isVisible()) {
            return;
        }
        Parent root = anchor.getScene().getRoot();
        section.getStylesheets().setAll(anchor.getScene().getStylesheets());
        section.getStylesheets().addAll(root.getStylesheets());
        section.getStylesheets().addAll(styledLike.getStylesheets());
        section.setStyle(root.getStyle());
        Bounds button = anchor.localToScreen(anchor.getLayoutBounds());
        Bounds under = bar.localToScreen(bar.getLayoutBounds());
        if (button == null || under == null) {
            return;
        }
        // Under the button, but inside the window: a wide section moves left rather than past its edge.
        javafx.stage.Window window = anchor.getScene().getWindow();
        double width = section.prefWidth(-1);
        double x = Math.max(window.getX(), Math.min(button.getMinX(), window.getX() + window.getWidth() - width - 8));
        double y = under.getMaxY() + 2;
        if (popup.isShowing()) {
            popup.setX(x);
            popup.setY(y);
        } else {
            popup.show(anchor, x, y);
        }
    }

    private void holdSection(boolean held) {
        if (held && popup.getContent().isEmpty()) {
            popup.getContent().setAll(section);
        } else if (!held) {
            hide();
            popup.getContent().clear();
        }
    }

    /**
     * Hides it if it shows. One that does not show is left alone: its view may be leaving a scene
     * that never showed, on the thread that built it (a view built off the FX thread), where
     * a window may not be touched.
     */
    public void hide() {
        if (popup.isShowing()) {
            popup.hide();
        }
    }

    public boolean isShowing() {
        return popup.isShowing();
    }
}
