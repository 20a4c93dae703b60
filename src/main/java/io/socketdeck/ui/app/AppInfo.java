package io.socketdeck.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the About box tells: the version (written into {@code version.properties} by the build,
 * from the pom) and where the log file is (the place {@link LogbackConfiguration} writes to).
 */
final class AppInfo {

    /** Moves the log files, e.g. for tests; {@link LogbackConfiguration} reads the same property. */
    static final String LOG_DIR_PROPERTY = "socketdeck.logDir";
    static final String LOG_FILE_NAME = "socketdeck.log";

    private static final Logger LOGGER = LoggerFactory.getLogger(AppInfo.class);

    private AppInfo() {
    }

    /** The version the build stamped, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" when run from unbuilt classes. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            LOGGER.warn("cannot read the version", e);
        }
        String version = properties.getProperty("version", "");
        return version.isBlank() || version.startsWith("${") ? "unknown" : version;
    }

    /** The current log file: {@code ~/.socketdeck/logs/socketdeck.log} unless moved by {@value #LOG_DIR_PROPERTY}. */
    static Path logFile() {
        String dir = System.getProperty(LOG_DIR_PROPERTY, "");
        Path folder = dir.isBlank() ? Path.of(System.getProperty("user.home"), ".socketdeck", "logs") : Path.of(dir);
        return folder.resolve(LOG_FILE_NAME);
    }
}
