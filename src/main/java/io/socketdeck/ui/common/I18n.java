package io.socketdeck.ui.common;

import io.socketdeck.core.text.Language;
import io.socketdeck.core.text.TextBundle;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The window's strings. Each feature package keeps its own {@code messages.properties} (and
 * translations) beside its classes; this looks a key up in all of them, so a view's FXML can use
 * the keys of the features it includes. A kind of tab brings its bundle with its registration
 * ({@link #register}); the shared features' bundles are listed here.
 */
public final class I18n {

    public static final Locale CHINESE = Language.CHINESE;
    public static final List<Locale> SUPPORTED = Language.SUPPORTED;

    private static final List<TextBundle> BUNDLES = new CopyOnWriteArrayList<>();
    /** The language as the FX side sees it: what models word again when it moves. FX thread. */
    private static final ReadOnlyObjectWrapper<Locale> LANGUAGE = new ReadOnlyObjectWrapper<>(I18n.class, "language",
            Language.current());

    static {
        for (String feature : List.of("common", "app", "log", "send", "quick", "capture", "framing", "respond", "tls", "options")) {
            register("io.socketdeck.ui." + feature + ".messages");
        }
        register("io.socketdeck.core.text.messages");
    }

    private I18n() {
    }

    /** Adds a package's bundle, e.g. a tab's; registering one twice does nothing. */
    public static void register(String baseName) {
        synchronized (BUNDLES) {
            if (BUNDLES.stream().noneMatch(bundle -> bundle.baseName().equals(baseName))) {
                BUNDLES.add(new TextBundle(baseName));
            }
        }
    }

    /** The supported locale closest to {@code requested}: any Chinese to 简体中文, the rest to English. */
    public static Locale supported(Locale requested) {
        return Language.supported(requested);
    }

    /**
     * Speaks {@code locale} from now on. The bundles switch at once, on any thread; {@link
     * #languageProperty()} moves on the FX thread, since what listens to it are models shown there.
     * The app calls this on the FX thread; a test may call it on its own.
     */
    public static void use(Locale locale) {
        Language.use(locale);
        if (Platform.isFxApplicationThread()) {
            announce();
            return;
        }
        try {
            Platform.runLater(I18n::announce); // queued before anything the caller hands the FX thread next
        } catch (IllegalStateException noToolkit) {
            announce(); // no FX thread at all (a plain model test): the caller's thread is the only one
        }
    }

    private static void announce() {
        LANGUAGE.set(Language.current());
        // Read back: a property nobody read since its last change stays invalid and tells its
        // invalidation listeners (the bindings that depend on it) of no further change.
        LANGUAGE.get();
    }

    /**
     * The language the window speaks, for what a model words itself (a field's message, a
     * summary line): those depend on it, so they follow a switch without being typed again. FX thread.
     */
    public static ReadOnlyObjectProperty<Locale> languageProperty() {
        return LANGUAGE.getReadOnlyProperty();
    }

    public static Locale locale() {
        return Language.current();
    }

    /** Every registered bundle as one, in the current language: for FXML's {@code %key}. */
    public static ResourceBundle bundle() {
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                TextBundle owner = owner(key);
                return owner == null ? null : owner.text(key);
            }

            @Override
            public Enumeration<String> getKeys() {
                Set<String> keys = new LinkedHashSet<>();
                for (TextBundle bundle : BUNDLES) {
                    keys.addAll(bundle.bundle().keySet());
                }
                return Collections.enumeration(keys);
            }

            @Override
            public Locale getLocale() {
                return Language.current();
            }
        };
    }

    public static String text(String key) {
        TextBundle owner = owner(key);
        return owner == null ? "!" + key + "!" : owner.text(key); // visible, and caught by the bundle tests
    }

    public static String format(String key, Object... args) {
        TextBundle owner = owner(key);
        return owner == null ? "!" + key + "!" : owner.format(key, args);
    }

    /** An exact count with the locale's grouping, e.g. 1,234,567. */
    public static String count(long value) {
        return Language.count(value);
    }

    private static TextBundle owner(String key) {
        for (TextBundle bundle : BUNDLES) {
            if (bundle.has(key)) {
                return bundle;
            }
        }
        return null;
    }
}
