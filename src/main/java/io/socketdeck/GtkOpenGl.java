package io.socketdeck;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps GTK from loading an OpenGL that nothing here uses. When GTK 3 opens an X11 display it
 * probes OpenGL unless {@code GDK_GL=disable} is in the environment; on a machine without a GPU
 * driver that maps Mesa's software OpenGL ({@code libLLVM}, {@code swrast_dri}: about 47 MB
 * resident for the whole run), while JavaFX renders with its own software pipeline anyway (see
 * {@link SoftwareGraphics}). GTK reads the variable from the process's environment, with
 * {@code getenv}, when the toolkit starts: setting it in this process before then has the same
 * effect as setting it before the launch, which {@code bin/socketdeck} does and a Maven plugin
 * ({@code mvn javafx:run}) or an IDE cannot.
 */
final class GtkOpenGl {

    static final String VARIABLE = "GDK_GL";

    private GtkOpenGl() {
    }

    /** Sets {@code GDK_GL=disable} for this process, unless the user set {@code GDK_GL} already. */
    static void disable() {
        if (System.getenv(VARIABLE) == null) {
            setIfAbsent(VARIABLE, "disable");
        }
    }

    /**
     * libc's {@code setenv(name, value, 0)}: the process's own environment, as C libraries read it
     * ({@link System#getenv} is a copy taken at start and does not change). Never throws: without
     * it GTK only costs more memory.
     *
     * @return true when the call succeeded (or the variable was already set)
     */
    static boolean setIfAbsent(String name, String value) {
        try {
            Function setenv = NativeLibrary.getInstance("c").getFunction("setenv");
            return setenv.invokeInt(new Object[] {name, value, 0}) == 0;
        } catch (LinkageError | RuntimeException unavailable) {
            // Asked for only here: a logger at class load would set logging up on the main thread,
            // before the window starts, where StartupWarmup does it beside the toolkit's start.
            Logger logger = LoggerFactory.getLogger(GtkOpenGl.class);
            logger.debug("could not set {} for this process", name, unavailable);
            return false;
        }
    }

    /** libc's {@code getenv}: what a C library in this process reads for {@code name}; null when unset. */
    static String nativeValue(String name) {
        return NativeLibrary.getInstance("c").getFunction("getenv").invokeString(new Object[] {name}, false);
    }
}
