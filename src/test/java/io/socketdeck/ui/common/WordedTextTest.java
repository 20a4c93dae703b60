package io.socketdeck.ui.common;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.socketdeck.testsupport.Await;
import io.socketdeck.ui.fx.FxTesting;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A worded text says its words again in each language chosen after; a plain text stays as it is;
 * what depends on {@link I18n#languageProperty()} follows every switch, not only the first; and
 * the language keeps no worded text alive. On the FX thread, where the window switches.
 */
@ExtendWith(ApplicationExtension.class)
class WordedTextTest {

    private static final String KEY = "field.port.notNumber";

    @AfterEach
    void english() {
        runFx(() -> I18n.use(Locale.ENGLISH));
    }

    @Test
    void aWordedTextFollowsEverySwitchAPlainOneStays() {
        List<String> seen = onFx(() -> {
            I18n.use(Locale.ENGLISH);
            WordedText worded = new WordedText(this, "worded");
            WordedText plain = new WordedText(this, "plain");
            worded.word(() -> I18n.text(KEY));
            plain.word(() -> I18n.text(KEY));
            plain.set("typed by hand");
            String english = worded.get();
            I18n.use(I18n.CHINESE);
            String chinese = worded.get();
            String plainInChinese = plain.get();
            I18n.use(Locale.ENGLISH);
            return List.of(english, chinese, worded.get(), plainInChinese, plain.get());
        });
        assertNotEquals(seen.get(0), seen.get(1), "the words change with the language");
        assertEquals(List.of(englishText(), chineseText(), englishText(), "typed by hand", "typed by hand"), seen);
    }

    @Test
    void aBindingOnTheLanguageFollowsEverySwitch() {
        List<String> seen = onFx(() -> {
            I18n.use(Locale.ENGLISH);
            StringBinding words = Bindings.createStringBinding(() -> I18n.text(KEY), I18n.languageProperty());
            words.get();
            I18n.use(I18n.CHINESE);
            String first = words.get();
            I18n.use(Locale.ENGLISH);
            String second = words.get();
            I18n.use(I18n.CHINESE);
            return List.of(first, second, words.get());
        });
        assertEquals(List.of(chineseText(), englishText(), chineseText()), seen);
    }

    @Test
    void theLanguageKeepsNoWordedTextAlive() {
        WeakReference<WordedText> gone = onFx(() -> {
            WordedText text = new WordedText(this, "message");
            text.word(() -> I18n.text(KEY));
            return new WeakReference<>(text);
        });
        Await.until(() -> {
            System.gc();
            return gone.get() == null;
        }, FxTesting.TIMEOUT, () -> "a worded text nobody holds is collected");
        runFx(() -> I18n.use(I18n.CHINESE)); // its weak listener goes quietly
        assertNull(gone.get());
    }

    private static String englishText() {
        return onFx(() -> {
            I18n.use(Locale.ENGLISH);
            return I18n.text(KEY);
        });
    }

    private static String chineseText() {
        return onFx(() -> {
            I18n.use(I18n.CHINESE);
            String text = I18n.text(KEY);
            I18n.use(Locale.ENGLISH);
            return text;
        });
    }
}
