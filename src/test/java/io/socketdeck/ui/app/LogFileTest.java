package io.socketdeck.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's own log goes to a rolling file the About box names, and tests never write to the user's. */
class LogFileTest {

    @Test
    void testsKeepTheirLogFilesInTarget() {
        Path file = AppInfo.logFile();
        assertTrue(file.endsWith(Path.of("target", "logs", "socketdeck.log")), file.toString());
    }

    @Test
    void theAppsLoggingConfigurationWritesTheFileTheAboutBoxNames(@TempDir Path dir) throws Exception {
        String before = System.setProperty(AppInfo.LOG_DIR_PROPERTY, dir.toString());
        try {
            LoggerContext context = new LoggerContext(); // the app's logback.xml, not the tests' own
            context.setMDCAdapter(new LogbackMDCAdapter());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFileTest.class.getResource("/logback.xml"));
            context.getLogger("io.socketdeck.ui.app.LogFileTest").info("the first line");
            context.getLogger("some.library").info("a library's info is left out");
            context.stop();

            Path file = AppInfo.logFile();
            assertEquals(dir.resolve("socketdeck.log"), file);
            String written = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(written.contains("INFO") && written.contains("the first line"), written);
            assertTrue(!written.contains("a library"), written);
        } finally {
            System.setProperty(AppInfo.LOG_DIR_PROPERTY, before);
        }
    }

    @Test
    void theVersionComesFromThePom() {
        assertTrue(AppInfo.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), AppInfo.version());
    }
}
