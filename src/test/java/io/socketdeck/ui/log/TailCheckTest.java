package io.socketdeck.ui.log;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.socketdeck.testsupport.Await;
import io.socketdeck.ui.fx.AfterFrames;
import io.socketdeck.ui.fx.FxTesting;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A follow that stopped short of the newest row is finished after its frame, but only for the
 * rows it followed and while the log follows. The list is left short on purpose here: JavaFX's
 * estimate does it only with some fonts' metrics (see {@link TailCheck}).
 */
@ExtendWith(ApplicationExtension.class)
class TailCheckTest {

    private final AtomicLong revision = new AtomicLong();
    private final AtomicBoolean following = new AtomicBoolean(true);
    private ListView<String> list;
    private Stage stage;
    private TailCheck check;

    @BeforeEach
    void showList() {
        runFx(() -> {
            list = new ListView<>(FXCollections.observableArrayList(
                    IntStream.range(0, 300).mapToObj(i -> "row " + i).toList()));
            stage = new Stage();
            stage.setScene(new Scene(list, 300, 200));
            stage.show();
            check = new TailCheck(list, revision::get, following::get);
        });
        awaitFx(() -> flow().getLastVisibleCell() != null, "the list laid out");
    }

    @AfterEach
    void close() {
        runFx(() -> stage.close());
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) list.lookup(".virtual-flow");
    }

    /** Scrolls to just above the end, as the estimate left it, and reports that follow. */
    private void followShortOfTheEnd() {
        followShortOfTheEnd(() -> { });
    }

    /**
     * {@link #followShortOfTheEnd()}, then {@code meanwhile} in the same turn of the FX thread: what
     * happens before the follow's frame has to happen before any frame can, or the check may have
     * run already (on a loaded machine a pulse came between two calls from the test thread).
     */
    private void followShortOfTheEnd(Runnable meanwhile) {
        runFx(() -> {
            list.scrollTo(299);
            list.layout();
            flow().scrollPixels(-20);
            check.followed();
            meanwhile.run();
        });
    }

    @Test
    void theNewestRowEndsAtTheBottomAfterTheFrame() {
        followShortOfTheEnd();
        awaitFx(() -> FxTesting.lastRowWhollyAtTheBottom(list), "the newest row at the bottom");
    }

    @Test
    void newerRowsLeaveItToTheirOwnFollow() {
        followShortOfTheEnd(revision::incrementAndGet); // rows came after that follow
        assertStaysShort();
    }

    @Test
    void aLogThatStoppedFollowingStaysWhereItIs() {
        followShortOfTheEnd(() -> following.set(false));
        assertStaysShort();
    }

    /** After the check has run (its frame) and a frame more, the list is where the follow left it. */
    private void assertStaysShort() {
        double before = onFx(() -> flow().getPosition());
        afterNextFrame(); // the check's frame: it runs before what is scheduled after it
        afterNextFrame(); // and one more, for a layout it would have asked for
        assertEquals(before, onFx(() -> flow().getPosition()));
        assertFalse(onFx(() -> FxTesting.lastRowWhollyAtTheBottom(list)));
    }

    /** Returns once a frame of the list's scene has gone by (and what ran after it). */
    private void afterNextFrame() {
        CountDownLatch done = new CountDownLatch(1);
        runFx(() -> {
            AfterFrames.schedule(list.getScene(), 1, done::countDown);
            list.requestLayout(); // a frame even when nothing else asks for one
        });
        Await.until(() -> done.getCount() == 0, FxTesting.TIMEOUT, "a frame");
    }
}
