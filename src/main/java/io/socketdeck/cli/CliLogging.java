package io.socketdeck.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The engine's log on the command line: its warnings and errors as one line each on standard
 * error ({@code HH:mm:ss.SSS warn|error message: exception}), never a stack trace, and nothing
 * below a warning. Instead of the window's logback, whose start-up (its XML configuration, five
 * hundred classes, a rolling file) took a quarter of a second or more of every command's start
 * on this machine: a command must send its first byte within half a second of being started.
 * {@code -Dsocketdeck.log=debug} (or any level) keeps logback and its configuration, for a
 * developer who wants the engine's detail and the log file.
 */
public final class CliLogging implements SLF4JServiceProvider {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final ILoggerFactory loggers = LineLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Chooses this provider, before anything logs, unless logback was asked for. */
    static void install() {
        if (System.getProperty("socketdeck.log") == null && System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN"); // slf4j says nothing about the choice
            System.setProperty("slf4j.provider", CliLogging.class.getName());
        }
    }

    /** For slf4j, which makes the provider itself. */
    public CliLogging() {
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up: that is the point
    }

    /** Warnings and errors of one named logger, to standard error. */
    private static final class LineLogger extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        LineLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
                                                   Throwable throwable) {
            if (level != Level.WARN && level != Level.ERROR) {
                return;
            }
            String text = MessageFormatter.basicArrayFormat(message, arguments);
            StringBuilder line = new StringBuilder(LocalTime.now().format(CLOCK)).append(' ')
                    .append(level.name().toLowerCase(Locale.ROOT)).append(' ').append(text);
            if (throwable != null) {
                line.append(": ").append(throwable);
            }
            PrintStream err = System.err;
            err.println(line);
        }
    }
}
