package io.socketdeck.ui.log;

import io.socketdeck.ui.fx.AfterFrames;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;

/**
 * Puts the log's newest row at the bottom when the frame after a follow left it short. JavaFX's
 * list scrolls to a row by its estimate of the rows' heights above it (the average of those it has
 * measured), then lays out the rows it shows at their real heights: with rows of mixed heights the
 * estimate can stop a row early, and the list takes that place for one above its end, for good
 * (seen with Noto Sans Mono as the fixed-width font: after 300 rows, one in seven wrapping to six
 * lines, the newest row lay 26 px under a 191 px view; {@code TrafficLogPaneTest}). Its own end,
 * position 1, is where its layout puts the last row at the bottom.
 *
 * <p>The check runs after the frame of a follow and does nothing once newer rows have come (their
 * own follow is checked instead) or the user stopped following, so a flood's pulses pay one look
 * at the last shown cell. It moves the list at most {@link #TRIES} times for the same rows. FX
 * thread.
 */
final class TailCheck {

    private static final int TRIES = 2;

    private final ListView<?> list;
    private final LongSupplier revision;
    private final BooleanSupplier following;
    private boolean scheduled;
    private long followedRevision = -1;
    private int tries;

    /**
     * @param revision  the log's revision, which changes with every row it adds
     * @param following whether the log follows its tail now (auto-scroll on, not paused)
     */
    TailCheck(ListView<?> list, LongSupplier revision, BooleanSupplier following) {
        this.list = list;
        this.revision = revision;
        this.following = following;
    }

    /** The list was just scrolled to its tail: looks again once that frame is out. */
    void followed() {
        long now = revision.getAsLong();
        if (now != followedRevision) {
            followedRevision = now;
            tries = 0;
        }
        Scene scene = list.getScene();
        if (!scheduled && scene != null) {
            scheduled = true;
            AfterFrames.schedule(scene, 1, this::check);
        }
    }

    private void check() {
        scheduled = false;
        if (revision.getAsLong() != followedRevision || tries >= TRIES || !following.getAsBoolean()
                || !(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || newestRowEndsInView(flow)) {
            return;
        }
        tries++;
        // The flow's own end: where its layout puts the last row at the bottom, whatever it estimated.
        flow.setPosition(1);
        followed();
    }

    /**
     * Whether {@code flow} shows the list's last row and that row's bottom within the view; true
     * when there is nothing to show.
     */
    private boolean newestRowEndsInView(VirtualFlow<?> flow) {
        int rows = list.getItems().size();
        if (rows == 0 || !(flow.lookup(".clipped-container") instanceof Region view)) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last != null && last.getIndex() == rows - 1
                && last.getLayoutY() + last.getHeight() <= view.getHeight() + 0.5;
    }
}
