package io.socketdeck.ui.tab;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.send.FileSendOptions;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.UiTick;
import io.socketdeck.ui.send.SendTargetChoice;
import io.socketdeck.ui.send.SendToolkit;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What a tab's traffic says itself, kept by its models while the views are built again (a
 * language switch), is said again in the new language: the send box's refusals (the datagram's
 * chunk fields, a datagram too long, a file that cannot be opened) and the round trips' summary.
 * On the FX thread, where the window switches; no window needed.
 */
@ExtendWith(ApplicationExtension.class)
class TrafficMessagesLanguageTest {

    /** Takes nothing: the refusals come before anything is sent. */
    private static final SendTarget NOWHERE = new SendTarget() {
        @Override
        public SelectorLoop loop() {
            throw new UnsupportedOperationException("never sends");
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void send(byte[] bytes, SendCompletion done) {
            throw new UnsupportedOperationException("never sends");
        }
    };

    @TempDir
    Path dir;

    @AfterEach
    void english() {
        runFx(() -> I18n.use(Locale.ENGLISH));
    }

    @Test
    void theSendBoxsRefusalsFollowTheSwitch() {
        Path missing = dir.resolve("missing.bin");
        List<String> chunks = saidInBoth(true, tools -> {
            tools.chunkSizeProperty().set("0");
            assertFalse(tools.sendFile(missing));
        });
        assertEquals(englishAndChinese("file.error.chunks", FileSendOptions.MAX_DATAGRAM), chunks);
        List<String> tooLong = saidInBoth(true, tools -> {
            tools.box().textProperty().set("x".repeat(FileSendOptions.MAX_DATAGRAM + 1));
            assertFalse(tools.send());
        });
        assertEquals(englishAndChinese("udp.error.tooLong", FileSendOptions.MAX_DATAGRAM + 1, FileSendOptions.MAX_DATAGRAM),
                tooLong);
        List<String> cannotOpen = saidInBothOnceShown(tools -> assertTrue(tools.sendFile(missing)));
        assertEquals(List.of("Cannot open missing.bin: no such file or folder",
                "\u65e0\u6cd5\u6253\u5f00 missing.bin\uff1a\u6587\u4ef6\u6216\u6587\u4ef6\u5939\u4e0d\u5b58\u5728"),
                cannotOpen, "the reason too is said again: the system gave only the path");
    }

    @Test
    void theRoundTripsSummaryFollowsTheSwitch() {
        runFx(() -> I18n.use(Locale.ENGLISH));
        TabTraffic traffic = onFx(() -> new TabTraffic(new UiTick(), () -> SendTargetChoice.of(NOWHERE), false));
        runFx(() -> traffic.roundTrips().record(2_000_000));
        awaitFx(() -> !traffic.roundTrips().textProperty().get().isEmpty(), "the summary shown");
        String english = onFx(() -> traffic.roundTrips().textProperty().get());
        runFx(() -> I18n.use(I18n.CHINESE));
        String chinese = onFx(() -> traffic.roundTrips().textProperty().get());
        Matcher times = Pattern.compile("min (.+) \u00b7 p50 (.+) \u00b7 p99 (.+) \u00b7 max (.+)").matcher(english);
        assertTrue(times.find(), english);
        assertEquals(onFx(() -> I18n.format("rtt.summary", I18n.count(1), times.group(1), times.group(2), times.group(3),
                times.group(4))), chinese, "said again in Chinese, nothing else having changed");
        runFx(traffic::shutdown);
    }

    /**
     * What {@code refuse} leaves under a datagram ({@code datagrams}) or stream tab's send box,
     * in English and then, after a switch alone, in Chinese.
     */
    private static List<String> saidInBoth(boolean datagrams, Consumer<SendToolkit> refuse) {
        return onFx(() -> {
            I18n.use(Locale.ENGLISH);
            TabTraffic traffic = new TabTraffic(new UiTick(), () -> SendTargetChoice.of(NOWHERE), datagrams);
            refuse.accept(traffic.sendTools());
            String english = traffic.sendBox().errorProperty().get();
            I18n.use(I18n.CHINESE);
            String chinese = traffic.sendBox().errorProperty().get();
            I18n.use(Locale.ENGLISH);
            traffic.shutdown();
            return List.of(String.valueOf(english), String.valueOf(chinese));
        });
    }

    /**
     * What {@code refuse} leaves under a stream tab's send box once it shows (it comes from a
     * file opened on another thread), in English and then, after a switch alone, in Chinese.
     */
    private static List<String> saidInBothOnceShown(Consumer<SendToolkit> refuse) {
        TabTraffic traffic = onFx(() -> {
            I18n.use(Locale.ENGLISH);
            TabTraffic made = new TabTraffic(new UiTick(), () -> SendTargetChoice.of(NOWHERE), false);
            refuse.accept(made.sendTools());
            return made;
        });
        awaitFx(() -> traffic.sendBox().errorProperty().get() != null, "the refusal shown");
        return onFx(() -> {
            String english = traffic.sendBox().errorProperty().get();
            I18n.use(I18n.CHINESE);
            String chinese = traffic.sendBox().errorProperty().get();
            I18n.use(Locale.ENGLISH);
            traffic.shutdown();
            return List.of(String.valueOf(english), String.valueOf(chinese));
        });
    }

    private static List<String> englishAndChinese(String key, Object... args) {
        Supplier<String> words = () -> I18n.format(key, args);
        return onFx(() -> {
            I18n.use(Locale.ENGLISH);
            String english = words.get();
            I18n.use(I18n.CHINESE);
            String chinese = words.get();
            I18n.use(Locale.ENGLISH);
            return List.of(english, chinese);
        });
    }
}
