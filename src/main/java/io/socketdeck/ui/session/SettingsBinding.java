package io.socketdeck.ui.session;

import io.socketdeck.core.settings.Settings;
import java.util.Arrays;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * Copies properties to and from the settings tree by name. An unknown or mistyped stored value
 * keeps the property's current value: a hand-edited or older file never breaks a tab.
 */
public final class SettingsBinding {

    private final Settings settings;
    private final String prefix;

    public SettingsBinding(Settings settings, String prefix) {
        this.settings = settings;
        this.prefix = prefix.endsWith(".") ? prefix : prefix + ".";
    }

    public SettingsBinding child(String name) {
        return new SettingsBinding(settings, prefix + name);
    }

    public Settings settings() {
        return settings;
    }

    public String path(String key) {
        return prefix + key;
    }

    public void save(String key, StringProperty property) {
        settings.put(path(key), property.get() == null ? "" : property.get());
    }

    public void restore(String key, StringProperty property) {
        property.set(settings.getString(path(key), property.get()));
    }

    public void save(String key, BooleanProperty property) {
        settings.put(path(key), property.get());
    }

    public void restore(String key, BooleanProperty property) {
        property.set(settings.getBoolean(path(key), property.get()));
    }

    public <E extends Enum<E>> void save(String key, ObjectProperty<E> property) {
        settings.put(path(key), property.get().name());
    }

    public <E extends Enum<E>> void restore(String key, ObjectProperty<E> property, Class<E> type) {
        String name = settings.getString(path(key), property.get().name());
        Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(name)).findFirst()
                .ifPresent(property::set);
    }

    /** For values stored by name, such as charsets. */
    public <T> void save(String key, ObjectProperty<T> property, Function<T, String> name) {
        settings.put(path(key), name.apply(property.get()));
    }

    public <T> void restore(String key, ObjectProperty<T> property, Function<String, T> fromName) {
        settings.get(path(key)).filter(String.class::isInstance).map(String.class::cast).map(fromName)
                .ifPresent(property::set);
    }
}
