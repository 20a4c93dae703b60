package io.socketdeck.ui.app;

import java.io.InputStream;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's icon, in every size a desktop asks for (title bar, task switcher, dock). Drawn
 * once as {@code icon.svg} beside these PNGs, which are rendered from it.
 */
final class AppIcon {

    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private static final Logger LOGGER = LoggerFactory.getLogger(AppIcon.class);

    private AppIcon() {
    }

    static void addTo(Stage stage) {
        for (int size : SIZES) {
            String name = "icon-" + size + ".png";
            try (InputStream png = AppIcon.class.getResourceAsStream(name)) {
                if (png == null) {
                    LOGGER.warn("the icon {} is missing from the build", name);
                    continue;
                }
                stage.getIcons().add(new Image(png));
            } catch (java.io.IOException e) {
                LOGGER.warn("cannot read the icon {}", name, e);
            }
        }
    }
}
