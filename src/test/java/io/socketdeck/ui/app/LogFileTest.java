package io.socketdeck.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
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
            LoggerContext context = new LoggerContext(); // the app's configuration, not the tests' own
            context.setMDCAdapter(new LogbackMDCAdapter());
            LogbackConfiguration configuration = new LogbackConfiguration();
            configuration.setContext(context);
            // The tests' logback-test.xml is on the class path, so logback itself would be left to read it.
            assertEquals(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY,
                    configuration.configure(context));
            LogbackConfiguration.apply(context, AppInfo.logFile());
            // Warnings also go to standard error; not in a test run's output.
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender("CONSOLE");
            context.getLogger("io.socketdeck.ui.app.LogFileTest").info("the first line");
            context.getLogger("some.library").info("a library's info is left out");
            context.getLogger("some.library").warn("a library's warning is kept");
            context.stop();

            Path file = AppInfo.logFile();
            assertEquals(dir.resolve("socketdeck.log"), file);
            String written = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(written.contains("INFO") && written.contains("the first line"), written);
            assertTrue(!written.contains("a library's info"), written);
            assertTrue(written.contains("WARN") && written.contains("a library's warning"), written);
        } finally {
            System.setProperty(AppInfo.LOG_DIR_PROPERTY, before);
        }
    }

    @Test
    void theFileRollsOverAtFiveMegabytesKeepingFourBeforeIt(@TempDir Path dir) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        Path file = dir.resolve("socketdeck.log");
        LogbackConfiguration.apply(context, file);
        var appender = (ch.qos.logback.core.rolling.RollingFileAppender<?>) context.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        var rolling = (ch.qos.logback.core.rolling.FixedWindowRollingPolicy) appender.getRollingPolicy();
        var trigger = (ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy<?>) appender.getTriggeringPolicy();
        context.stop();
        assertEquals(dir.resolve("socketdeck.%i.log").toString(), rolling.getFileNamePattern());
        assertEquals(1, rolling.getMinIndex());
        assertEquals(4, rolling.getMaxIndex());
        assertEquals(5L * 1024 * 1024, trigger.getMaxFileSize().getSize());
    }

    @Test
    void theVersionComesFromThePom() {
        assertTrue(AppInfo.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), AppInfo.version());
    }
}
