package io.socketdeck.ui.send;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.send.FileSendOptions;
import io.socketdeck.core.send.FileSendProgress;
import io.socketdeck.core.send.FileSender;
import io.socketdeck.core.session.Faults;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.ui.common.ByteRates;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FileWorker;
import io.socketdeck.ui.fx.UiTick;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A file being sent: progress, rate and cancel. The sender reports from the I/O thread; the
 * window's tick shows the latest figures a few times a second while it runs, and the outcome once.
 *
 * <p>The file is opened (and its length read) on the model's own {@link FileWorker}, never the FX
 * thread: a named pipe waits there for its writer, a hung network mount for as long as it hangs.
 * Meanwhile the send runs already, as far as the view goes ("Opening image.bin…", cancel gives the
 * open up); the outcome of the open comes back on the tick.
 */
public final class FileSendModel {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** "Stalled: 127.0.0.1:5000 has not read for 7 s", or "" while the send moves. */
    private final ReadOnlyStringWrapper stall = new ReadOnlyStringWrapper(this, "stall", "");
    private final ReadOnlyBooleanWrapper canSkip = new ReadOnlyBooleanWrapper(this, "canSkip");
    /** The user chose to wait at this many bytes sent: no prompt until the send moves and stalls again. */
    private long waitingAccepted = -1;
    private List<InetSocketAddress> stalledOn = List.of();
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** The end of a send, handed over from the loop thread. */
    private final AtomicReference<Finished> finished = new AtomicReference<>();
    private final UiTick.Handle job;
    private final BooleanSupplier captureRecordsSent;
    private final ExecutorService files = FileWorker.create("socketdeck-file-send");
    /** The open on the worker, until its outcome is taken on the FX thread. */
    private Opening opening;
    private FileSender sender;
    private String name;
    private BiConsumer<Boolean, String> outcome;

    /**
     * @param captureRecordsSent true while a capture records sent bytes (asked on the I/O thread)
     */
    public FileSendModel(UiTick tick, BooleanSupplier captureRecordsSent) {
        this.captureRecordsSent = captureRecordsSent;
        job = tick.add(this::onTick);
    }

    /**
     * Opens {@code file} on the worker, then sends it; {@code outcome} gets the kind of ending and
     * its localized text, on the FX thread, for the log, and {@code cannotOpen} the error of a file
     * that does not open. FX thread.
     *
     * @param logKeeps the bytes the log keeps at most: of a file sent straight from the disk, only
     *                 its last {@code logKeeps} bytes are read back for TX rows (a log that keeps
     *                 16 MiB would drop the rest of a gigabyte anyway), unless a capture records
     *                 sent bytes; a note after the outcome says how many went without rows
     */
    void start(Path file, SendTarget target, FileSendOptions options, long logKeeps,
               BiConsumer<Boolean, String> outcome, Consumer<Exception> cannotOpen) {
        if (files.isShutdown()) {
            return;
        }
        cancel();
        sender = null; // the end of a send cancelled for this one is not this one's
        fraction.set(0);
        stall.set("");
        waitingAccepted = -1;
        stalledOn = List.of();
        name = file.getFileName().toString();
        this.outcome = outcome;
        status.set(I18n.format("file.opening", name));
        canSkip.set(false);
        running.set(true);
        opening = new Opening(file, target, options, logKeeps, cannotOpen);
        files.execute(opening);
    }

    /** The send's listener: the end handed to the tick, regions read back as the log and a capture need. */
    private FileSender.Listener listener(FileSender[] self, long logKeeps) {
        AtomicLong unread = new AtomicLong();
        return new FileSender.Listener() {
            @Override
            public void finished(FileSender.Outcome result, FileSendProgress last, Throwable cause) {
                FileSendModel.this.finished.set(new Finished(self, result, last, cause, unread));
                job.wake();
            }

            @Override
            public boolean readBack(long position, int length, long fileBytes) {
                boolean kept = FileSender.reachesLast(logKeeps, position, length, fileBytes);
                if (kept || captureRecordsSent.getAsBoolean()) {
                    return true;
                }
                unread.addAndGet(length);
                return false;
            }
        };
    }

    /** Cancels the send; one whose file still opens is given up at once (the file is closed once open). */
    public void cancel() {
        if (opening != null) {
            opening.giveUp();
            opening = null;
            running.set(false);
            status.set("");
            outcome.accept(true, I18n.format("file.givenUp", name));
        }
        if (sender != null) {
            sender.cancel();
        }
    }

    /** The tab closes: cancels (see {@link #cancel()}) and lets the worker end. Never waits. */
    void shutdown() {
        cancel();
        files.shutdown();
    }

    /** The answer "wait" to a stall: the prompt goes until the send moves and stalls again. */
    public void keepWaiting() {
        if (sender != null) {
            waitingAccepted = sender.progress().bytesSent();
            stall.set("");
        }
    }

    /**
     * The answer "skip" to a stall: the peers the send waits on get no more of the file, the
     * others get the rest; {@code outcome} notes it in the log.
     */
    public void skipStalled() {
        if (sender != null && canSkip.get()) {
            for (InetSocketAddress peer : stalledOn) {
                sender.skip(peer);
            }
            outcome.accept(true, I18n.format("file.skipped", names(stalledOn), name));
            stall.set("");
        }
    }

    private long onTick(long nowNanos) {
        if (opening != null && opening.isDone()) {
            opened();
        }
        if (sender == null) {
            return UiTick.IDLE;
        }
        Finished end = finished.get();
        if (end != null && end.send()[0] == sender) { // not the end of a send cancelled for this one
            show(end.last());
            stall.set("");
            running.set(false);
            sender = null;
            boolean ok = end.result() == FileSender.Outcome.COMPLETED;
            outcome.accept(ok, I18n.format("file.outcome." + end.result().name(), name,
                    end.last().bytesSent(), end.last().totalBytes(), rate(end.last()),
                    why(end)));
            long unread = end.unread().get(); // read when shown: regions of a cancelled send go on going out
            if (unread > 0) {
                outcome.accept(true, I18n.format("file.unread", name, unread));
            }
            return UiTick.IDLE;
        }
        show(sender.progress());
        return nowNanos + PROGRESS_EVERY_NANOS;
    }

    /** The open's outcome: the send goes on, or the file's error goes to {@code cannotOpen}. */
    private void opened() {
        Opening done = opening;
        opening = null;
        if (done.error() != null) {
            running.set(false);
            status.set("");
            done.cannotOpen.accept(done.error());
            return;
        }
        sender = done.sender();
        canSkip.set(sender.canSkip());
        show(sender.progress());
    }

    private void show(FileSendProgress progress) {
        fraction.set(progress.fraction());
        status.set(I18n.format("file.progress", I18n.count(progress.bytesSent()), I18n.count(progress.totalBytes()),
                ByteRates.format(progress.recentBytesPerSecond())));
        showStall(progress);
    }

    /** A stall is shown until the send moves, unless the user chose to wait through this one. */
    private void showStall(FileSendProgress progress) {
        if (waitingAccepted >= 0 && progress.bytesSent() != waitingAccepted) {
            waitingAccepted = -1; // it moved: the next stall is news again
        }
        if (!progress.stalled() || waitingAccepted >= 0) {
            stall.set("");
            return;
        }
        stalledOn = progress.waitingOn();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(progress.idleNanos());
        stall.set(stalledOn.isEmpty() ? I18n.format("file.stalled.unknown", seconds)
                : I18n.format("file.stalled", names(stalledOn), stalledOn.size(), seconds));
    }

    /** "127.0.0.1:5000" or "127.0.0.1:5000 and 2 more". */
    private static String names(List<InetSocketAddress> peers) {
        if (peers.isEmpty()) {
            return "";
        }
        String first = Addresses.format(peers.get(0));
        return peers.size() == 1 ? first : I18n.format("file.stalled.andMore", first, peers.size() - 1);
    }

    /**
     * What ended the send, for its outcome's {4}: a file that could not be read in {@link
     * IoErrors}' words (the window's language, not the JDK's English), a fault as it was.
     */
    private static String why(Finished end) {
        if (end.cause() == null) {
            return "";
        }
        return end.result() == FileSender.Outcome.READ_FAILED ? IoErrors.describe(end.cause())
                : Faults.describe(end.cause());
    }

    /** The average over the whole send, for its outcome. */
    private static String rate(FileSendProgress progress) {
        return ByteRates.format(progress.bytesPerSecond());
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "1,234,567 of 5,000,000 bytes · 12.3 MB/s", the rate over the last seconds (0 when stalled). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the send stands still and whom it waits for, or "" while it moves (or the user waits). */
    public ReadOnlyStringProperty stallProperty() {
        return stall.getReadOnlyProperty();
    }

    /** True when the send goes to several clients, so a stalled one can be skipped. */
    public ReadOnlyBooleanProperty canSkipProperty() {
        return canSkip.getReadOnlyProperty();
    }

    /** One file opening on the worker, its send started there; the FX thread may give it up meanwhile. */
    private final class Opening implements Runnable {

        private final Path file;
        private final SendTarget target;
        private final FileSendOptions options;
        private final long logKeeps;
        private final Consumer<Exception> cannotOpen;
        private FileSender sender;
        private Exception error;
        private boolean done;
        private boolean givenUp;

        Opening(Path file, SendTarget target, FileSendOptions options, long logKeeps, Consumer<Exception> cannotOpen) {
            this.file = file;
            this.target = target;
            this.options = options;
            this.logKeeps = logKeeps;
            this.cannotOpen = cannotOpen;
        }

        /** Worker: opens the file and starts the send on the target's loop. */
        @Override
        public void run() {
            FileSender started = null;
            Exception failed = null;
            try {
                FileSender[] self = new FileSender[1];
                started = FileSender.start(file, target, options, listener(self, logKeeps));
                self[0] = started; // before the tick can take it: its end is known by this
            } catch (IOException | RuntimeException e) {
                failed = e;
            }
            boolean wanted;
            synchronized (this) {
                done = true;
                sender = started;
                error = failed;
                wanted = !givenUp;
            }
            if (wanted) {
                job.wake();
            } else if (started != null) {
                started.cancel(); // given up while it opened: it ends at once, closing the file
            }
        }

        synchronized boolean isDone() {
            return done;
        }

        synchronized FileSender sender() {
            return sender;
        }

        synchronized Exception error() {
            return error;
        }

        /** FX thread: the send is not wanted; one already started is cancelled. */
        void giveUp() {
            FileSender started;
            synchronized (this) {
                givenUp = true;
                started = sender;
            }
            if (started != null) {
                started.cancel(); // any thread; nothing here waits
            }
        }
    }

    /** A send's end: which send (filled in once started), how, and the last figures. */
    /** {@code unread}: the bytes sent so far without being read back for TX rows. */
    private record Finished(FileSender[] send, FileSender.Outcome result, FileSendProgress last, Throwable cause,
                            AtomicLong unread) {
    }
}
