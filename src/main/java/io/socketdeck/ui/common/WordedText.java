package io.socketdeck.ui.common;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;

/**
 * A text a model shows (a field's message), kept as its wording rather than as a sentence:
 * {@link #word} shows the words now and again in each language chosen after, so a message the
 * user has not dealt with yet follows a language switch (the views are built again, the models
 * stay). {@link #set} keeps a plain text (or null) as it is. FX thread.
 */
public final class WordedText extends ReadOnlyStringWrapper {

    private Supplier<String> wording;
    /** Held here: the language property only holds it weakly, so it keeps no model alive. */
    private ChangeListener<Locale> reword;

    public WordedText(Object bean, String name) {
        super(bean, name);
    }

    /** Shows {@code wording}'s text, and its text again after each language switch. */
    public void word(Supplier<String> wording) {
        this.wording = wording;
        if (reword == null) {
            // Only a text once worded listens: most messages never show.
            reword = (obs, old, now) -> {
                if (this.wording != null) {
                    super.set(this.wording.get());
                }
            };
            I18n.languageProperty().addListener(new WeakChangeListener<>(reword));
        }
        super.set(wording.get());
    }

    /** Whether the text shown is {@code wording}'s (the same object), in whichever language; false for null. */
    public boolean isWordedBy(Supplier<String> wording) {
        return wording != null && this.wording == wording;
    }

    /** Shows {@code text} as it is, in every language; null clears it. */
    @Override
    public void set(String text) {
        wording = null;
        super.set(text);
    }
}
