package io.socketdeck.ui.fx;

import io.socketdeck.testsupport.Await;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.testfx.util.WaitForAsyncUtils;

/** Reads FX state from a test thread safely: every check runs on the FX thread. */
public final class FxTesting {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private FxTesting() {
    }

    /** Time for heavy work on the FX thread, such as building a whole window, on a loaded machine. */
    public static final Duration SLOW_TIMEOUT = Duration.ofSeconds(60);

    /** Runs {@code query} on the FX thread and returns its result. */
    /** Whether {@code node} is drawn: it and every parent visible (a list hides the rows of its empty cells). */
    public static boolean isShown(javafx.scene.Node node) {
        for (javafx.scene.Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    public static <T> T onFx(Callable<T> query) {
        return onFx(TIMEOUT, query);
    }

    /** Runs {@code query} on the FX thread and returns its result, waiting up to {@code timeout}. */
    public static <T> T onFx(Duration timeout, Callable<T> query) {
        try {
            return WaitForAsyncUtils.asyncFx(query).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("FX query failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + timeout, e);
        }
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    public static void runFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    public static void awaitFx(Callable<Boolean> condition, String what) {
        Await.until(() -> onFx(condition), TIMEOUT, what);
    }

    /** Waits until {@code condition} holds; {@code what} describes the failure when it does not. */
    public static void awaitFx(Callable<Boolean> condition, Supplier<String> what) {
        Await.until(() -> onFx(condition), TIMEOUT, what);
    }
}
