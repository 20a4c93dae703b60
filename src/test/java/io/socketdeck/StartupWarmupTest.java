package io.socketdeck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StartupWarmupTest {

    @Test
    void theListedClassesStillExist() throws IOException {
        long listed;
        try (InputStream list = StartupWarmup.class.getResourceAsStream(StartupWarmup.CLASS_LIST)) {
            listed = new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).count();
        }
        int loaded = StartupWarmup.loadListedClasses();
        // A few names are of one platform's toolkit (GTK here); the rest must be there, or the list
        // has gone stale and should be made again (see its header).
        assertTrue(listed > 500 && loaded >= listed * 0.95, loaded + " of " + listed + " listed classes exist");
    }
}
