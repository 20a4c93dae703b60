package io.socketdeck.ui.quick;

import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.Tips;
import io.socketdeck.ui.fx.ViewListeners;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A list's Import and Export items (quick commands, auto-reply rules) while their files are read
 * and written off the FX thread: an import under way reads "Importing pipe… (click to give up)"
 * and a click gives it up; an export under way reads "Exporting to rules.json…", disabled (its
 * file is being replaced, which must finish). Meanwhile the menu's button shows a loader and says
 * what runs in its tooltip.
 */
public final class ImportExportMenu {

    private ImportExportMenu() {
    }

    /**
     * @param importing    the file being imported, or null
     * @param exporting    the file being exported to, or null
     * @param chooseImport asks for a file and imports it
     * @param giveUpImport gives the import under way up
     * @param chooseExport asks for a file and exports to it
     */
    public static void bind(MenuButton more, MenuItem importItem, MenuItem exportItem,
                            ObservableValue<Path> importing, ObservableValue<Path> exporting,
                            Runnable chooseImport, Runnable giveUpImport, Runnable chooseExport) {
        String importText = importItem.getText(); // as the view was built, in its language
        String exportText = exportItem.getText();
        importItem.textProperty().bind(importing.map(ImportExportMenu::importingText).orElse(importText));
        exportItem.textProperty().bind(exporting.map(ImportExportMenu::exportingText).orElse(exportText));
        exportItem.disableProperty().bind(exporting.map(file -> true).orElse(false));
        importItem.setOnAction(event -> {
            if (importing.getValue() == null) {
                chooseImport.run();
            } else {
                giveUpImport.run();
            }
        });
        exportItem.setOnAction(event -> {
            if (exporting.getValue() == null) {
                chooseExport.run();
            }
        });

        Node idle = more.getGraphic();
        FontIcon working = new FontIcon("fth-loader");
        StringBinding underWay = Bindings.createStringBinding(() -> importing.getValue() != null
                ? importingText(importing.getValue())
                : exporting.getValue() != null ? exportingText(exporting.getValue()) : null, importing, exporting);
        more.graphicProperty().bind(underWay.map(text -> (Node) working).orElse(idle));
        ViewListeners.onChange(more, underWay, (obs, old, now) -> Tips.setText(more, now));
        Tips.setText(more, underWay.get());
    }

    private static String importingText(Path file) {
        return I18n.format("quick.importing", name(file));
    }

    private static String exportingText(Path file) {
        return I18n.format("quick.exporting", name(file));
    }

    private static String name(Path file) {
        return String.valueOf(file.getFileName());
    }
}
