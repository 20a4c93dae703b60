package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The window gets a real icon in every size a desktop asks for. */
@ExtendWith(ApplicationExtension.class)
class AppIconTest {

    @Test
    void everySizeIsThereAndIsThatSize() {
        List<Image> icons = onFx(() -> {
            Stage stage = new Stage();
            AppIcon.addTo(stage);
            return List.copyOf(stage.getIcons());
        });
        assertEquals(AppIcon.SIZES.size(), icons.size());
        for (int i = 0; i < icons.size(); i++) {
            assertEquals(AppIcon.SIZES.get(i), (int) icons.get(i).getWidth());
            assertEquals(AppIcon.SIZES.get(i), (int) icons.get(i).getHeight());
        }
    }
}
