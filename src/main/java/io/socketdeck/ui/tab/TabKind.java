package io.socketdeck.ui.tab;

import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.quick.QuickCommandsModel;
import java.util.Optional;
import javafx.scene.Parent;

/**
 * A kind of tab the window offers: everything the window needs to show one, so a new kind lives
 * in its own package and joins the window with one line in its list of kinds. Registering a kind
 * also makes its package's strings ({@code messages.properties} beside it) available.
 *
 * @param <M> the tab's view model
 */
public abstract class TabKind<M extends TabModel> {

    private final String id;
    private final String statusId;
    private final String titleKey;
    private final String icon;

    /**
     * @param id       the tab's automation id, e.g. {@code tabTcpClient}
     * @param statusId the automation id of its status in the window's status bar, e.g. {@code clientStatus}
     * @param titleKey the bundle key of its title
     * @param icon     a Feather icon literal, e.g. {@code fth-server}
     */
    protected TabKind(String id, String statusId, String titleKey, String icon) {
        this.id = id;
        this.statusId = statusId;
        this.titleKey = titleKey;
        this.icon = icon;
        I18n.register(getClass().getPackageName() + ".messages");
    }

    public final String id() {
        return id;
    }

    public final String statusId() {
        return statusId;
    }

    public final String titleKey() {
        return titleKey;
    }

    public final String icon() {
        return icon;
    }

    /**
     * The automation id of its File menu item that opens another tab of this kind: {@code new} +
     * the tab's id without its {@code tab} + {@code Tab}, e.g. {@code newTcpClientTab} for
     * {@code tabTcpClient}. A kind may say otherwise.
     */
    public String newTabId() {
        String name = id.startsWith("tab") ? id.substring(3) : Character.toUpperCase(id.charAt(0)) + id.substring(1);
        return "new" + name + "Tab";
    }

    /**
     * The bundle key of that item's text, or empty for the window's own wording around the
     * tab's title ("New TCP Client tab"). A kind may say otherwise.
     */
    public Optional<String> newTabKey() {
        return Optional.empty();
    }

    /** A new view model; it lives as long as the window, across language switches. */
    public abstract M createModel(TabContext context);

    /** Builds the tab's view around {@code model}, in the current language; may be called again. */
    public abstract Parent createView(M model, QuickCommandsModel quickCommands);
}
