package io.socketdeck.ui.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The window's logging, set up in code rather than from a {@code logback.xml}: reading XML (an
 * XML parser and logback's model of it, a few hundred classes) cost about a quarter of a second of
 * every cold start. Found by logback through {@code META-INF/services}.
 *
 * <p>Warnings and errors go to standard error (a command line's standard output is its event
 * lines, which a warning must not break into), and the app's own info lines too to a rolling file,
 * {@link AppInfo#logFile()}: at most 5 MB, with the 4 files before it kept beside it
 * ({@code socketdeck.1.log} is the newest). {@code -Dsocketdeck.logDir=…} puts the files elsewhere
 * (the tests do: see the pom); {@code -Dsocketdeck.log=debug} shows the engine's detail.
 *
 * <p>A configuration file still wins: a {@code logback-test.xml} on the class path (the tests')
 * or {@code -Dlogback.configurationFile=…} is left to logback's own reader.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogbackConfiguration extends ContextAwareBase implements Configurator {

    static final String LEVEL_PROPERTY = "socketdeck.log";
    /** How long the window's first log line waits for a start begun on another thread. */
    private static final long EARLY_START_WAIT_SECONDS = 5;
    private static final AtomicBoolean EARLY_START_BEGUN = new AtomicBoolean();
    private static final CountDownLatch EARLY_START_DONE = new CountDownLatch(1);
    private static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    private static final int KEPT_FILES = 4;

    /**
     * Sets logging up now, on this thread: the window starts it on a second core while the JavaFX
     * toolkit starts ({@code StartupWarmup}). Another thread that logs meanwhile would get SLF4J's
     * stand-in logger, which replays its lines later with a warning on standard error; the window
     * therefore first {@linkplain #awaitEarlyStart() waits} for this.
     */
    public static void startEarly() {
        EARLY_START_BEGUN.set(true);
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            EARLY_START_DONE.countDown();
        }
    }

    /** Returns once a start begun by {@link #startEarly()} is done, at once when none was begun. */
    static void awaitEarlyStart() {
        if (!EARLY_START_BEGUN.get()) {
            return;
        }
        try {
            EARLY_START_DONE.await(EARLY_START_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogbackConfiguration.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, AppInfo.logFile());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets {@code context} up to write warnings to standard error and the app's lines to {@code file}. */
    static void apply(LoggerContext context, Path file) {
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console(context));
        root.addAppender(rollingFile(context, file));
        context.getLogger("io.socketdeck").setLevel(Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.INFO));
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel(Level.WARN.levelStr);
        warnings.start();
        console.addFilter(warnings);
        console.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n"));
        console.start();
        return console;
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, Path file) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        String name = file.getFileName().toString();
        String stem = name.endsWith(".log") ? name.substring(0, name.length() - ".log".length()) : name;
        rolling.setFileNamePattern(file.resolveSibling(stem + ".%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(MAX_FILE_BYTES));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder(context, "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n"));
        appender.start();
        return appender;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
