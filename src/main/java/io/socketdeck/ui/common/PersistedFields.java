package io.socketdeck.ui.common;

import io.socketdeck.core.settings.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntPredicate;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * The properties a tab remembers across restarts, each declared once under its key, so saving
 * and restoring can never drift apart. An unknown or mistyped stored value keeps the property's
 * current value: a hand-edited or older file never breaks a tab.
 */
public final class PersistedFields {

    /** One remembered value: how to write it and read it back under a full settings path. */
    private interface Field {
        void save(Settings settings, String path);

        void restore(Settings settings, String path);
    }

    private final List<String> keys = new ArrayList<>();
    private final List<Field> fields = new ArrayList<>();
    private final List<Observable> observables = new ArrayList<>();

    /** What changes when a remembered value changes: for saving soon after an edit, not only at exit. */
    public List<Observable> observables() {
        return List.copyOf(observables);
    }

    public PersistedFields text(String key, StringProperty property) {
        observables.add(property);
        return add(key, new Field() {
            @Override
            public void save(Settings settings, String path) {
                settings.put(path, property.get() == null ? "" : property.get());
            }

            @Override
            public void restore(Settings settings, String path) {
                property.set(settings.getString(path, property.get()));
            }
        });
    }

    public PersistedFields flag(String key, BooleanProperty property) {
        observables.add(property);
        return add(key, new Field() {
            @Override
            public void save(Settings settings, String path) {
                settings.put(path, property.get());
            }

            @Override
            public void restore(Settings settings, String path) {
                property.set(settings.getBoolean(path, property.get()));
            }
        });
    }

    /** A whole number; a stored one that {@code valid} refuses keeps the current value. */
    public PersistedFields number(String key, IntegerProperty property, IntPredicate valid) {
        observables.add(property);
        return add(key, new Field() {
            @Override
            public void save(Settings settings, String path) {
                settings.put(path, property.get());
            }

            @Override
            public void restore(Settings settings, String path) {
                int stored = settings.getInt(path, property.get());
                if (valid.test(stored)) {
                    property.set(stored);
                }
            }
        });
    }

    public <E extends Enum<E>> PersistedFields choice(String key, ObjectProperty<E> property, Class<E> type) {
        return named(key, property, Enum::name,
                name -> Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(name))
                        .findFirst().orElse(null));
    }

    /** A value stored by name, such as a charset; {@code parse} returns null for a name it does not know. */
    public <T> PersistedFields named(String key, ObjectProperty<T> property, Function<T, String> name,
                                     Function<String, T> parse) {
        observables.add(property);
        return add(key, new Field() {
            @Override
            public void save(Settings settings, String path) {
                settings.put(path, name.apply(property.get()));
            }

            @Override
            public void restore(Settings settings, String path) {
                settings.get(path).filter(String.class::isInstance).map(String.class::cast).map(parse)
                        .ifPresent(property::set);
            }
        });
    }

    /**
     * A value with its own way of being written and read, under {@code key}'s full path (it may
     * use keys beside it, e.g. a list and a parallel list).
     *
     * @param changes invalidated whenever {@code save} would write something else
     */
    public PersistedFields custom(String key, BiConsumer<Settings, String> save, BiConsumer<Settings, String> restore,
                                  Observable changes) {
        observables.add(changes);
        return add(key, new Field() {
            @Override
            public void save(Settings settings, String path) {
                save.accept(settings, path);
            }

            @Override
            public void restore(Settings settings, String path) {
                restore.accept(settings, path);
            }
        });
    }

    /** Another group's fields under {@code key}, e.g. the log's under "log". */
    public PersistedFields nested(String key, PersistedFields group) {
        observables.addAll(group.observables);
        return add(key, new Field() {
            @Override
            public void save(Settings settings, String path) {
                group.saveTo(settings, path);
            }

            @Override
            public void restore(Settings settings, String path) {
                group.restoreFrom(settings, path);
            }
        });
    }

    /** Another group's fields at this level, e.g. a tab's traffic beside its own fields. */
    public PersistedFields include(PersistedFields group) {
        observables.addAll(group.observables);
        keys.addAll(group.keys);
        fields.addAll(group.fields);
        return this;
    }

    public void saveTo(Settings settings, String prefix) {
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i).save(settings, prefix + "." + keys.get(i));
        }
    }

    public void restoreFrom(Settings settings, String prefix) {
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i).restore(settings, prefix + "." + keys.get(i));
        }
    }

    private PersistedFields add(String key, Field field) {
        keys.add(key);
        fields.add(field);
        return this;
    }
}
