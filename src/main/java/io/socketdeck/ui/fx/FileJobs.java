package io.socketdeck.ui.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A model's reads and writes of files the user chose (an import, an export), on the model's own
 * {@link FileWorker}, each outcome applied on the FX thread by the window's tick. The FX thread
 * never waits on such a file: opening a named pipe waits for its other end, a hung network mount
 * for as long as it hangs, a slow stick for seconds.
 *
 * <p>Each {@link Slot} is one kind of job (importing, exporting) that runs one at a time; while it
 * runs, its {@link Slot#fileProperty() file} names the file, for the view to show the work under
 * way and refuse a second one. Jobs run in the order asked for, on one thread.
 *
 * <p>A job given up ({@link Slot#giveUp()}) never has its outcome applied. When it is the one the
 * worker is in, the worker may be stuck in it for good (a pipe that never gets its other end): the
 * jobs waiting behind it move, in their order, to a fresh worker, and the stuck thread (a daemon)
 * ends once its file answers. {@link #shutdown()} gives every job up and never waits.
 */
public final class FileJobs {

    private final String threadName;
    private final UiTick.Handle tickJob;
    private final List<Slot> slots = new ArrayList<>();
    private ThreadPoolExecutor worker;
    private boolean shutDown;

    /** @param threadName the worker thread's name */
    public FileJobs(UiTick tick, String threadName) {
        this.threadName = threadName;
        this.worker = FileWorker.create(threadName);
        this.tickJob = tick.add(this::onTick);
    }

    /** A new kind of job, one at a time. FX thread, while the model is built. */
    public Slot slot() {
        Slot slot = new Slot();
        slots.add(slot);
        return slot;
    }

    /** The model goes (its tab closes, the window exits): every job is given up. Never waits. FX thread. */
    public void shutdown() {
        shutDown = true;
        slots.forEach(Slot::clear);
        worker.shutdown(); // a job under way finishes (an export's file stays whole), unheard
        tickJob.remove();
    }

    private long onTick(long nowNanos) {
        for (Slot slot : slots) {
            slot.applyIfDone();
        }
        return UiTick.IDLE;
    }

    /** The worker is in a job given up, maybe for good: what waits behind it goes on on a fresh worker. */
    private void leaveWorker() {
        List<Runnable> waiting = new ArrayList<>();
        worker.getQueue().drainTo(waiting);
        worker.shutdown(); // its thread ends once the stuck job returns
        worker = FileWorker.create(threadName);
        waiting.forEach(worker::execute);
    }

    /** One kind of job: at most one runs. FX thread. */
    public final class Slot {

        private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
        private Job<?> pending;

        private Slot() {
        }

        /**
         * Runs {@code work} on the worker; its result goes to {@code done}, or what it threw to
         * {@code failed}, on the FX thread. Nothing runs while a job of this slot runs, nor after
         * {@link #shutdown()}.
         *
         * @param target the file {@code work} reads or writes, shown meanwhile
         * @return false when nothing was started
         */
        public <T> boolean start(Path target, Callable<T> work, Consumer<? super T> done, Consumer<Exception> failed) {
            return start(target, work, done, failed, () -> { });
        }

        /** {@link #start(Path, Callable, Consumer, Consumer)}; {@code givenUp} runs when {@link #giveUp()} gives it up. */
        public <T> boolean start(Path target, Callable<T> work, Consumer<? super T> done, Consumer<Exception> failed,
                                 Runnable givenUp) {
            if (pending != null || shutDown) {
                return false;
            }
            Job<T> job = new Job<>(work, done, failed, givenUp);
            pending = job;
            file.set(target);
            worker.execute(job);
            return true;
        }

        /**
         * The job under way is not wanted: its outcome is never applied, its {@code givenUp} runs
         * instead. False when none ran.
         */
        public boolean giveUp() {
            Job<?> givenUp = pending;
            if (givenUp == null) {
                return false;
            }
            clear();
            if (givenUp.leave()) {
                leaveWorker();
            }
            givenUp.givenUp.run();
            return true;
        }

        /** The file of the job under way, or null when none runs. */
        public ReadOnlyObjectProperty<Path> fileProperty() {
            return file.getReadOnlyProperty();
        }

        private void clear() {
            pending = null;
            file.set(null);
        }

        private void applyIfDone() {
            Job<?> job = pending;
            if (job != null && job.isDone()) {
                clear(); // first: an outcome that starts the next job finds the slot free
                job.apply();
            }
        }
    }

    /** One job on the worker, and what came of it. */
    private final class Job<T> implements Runnable {

        private final Callable<T> work;
        private final Consumer<? super T> done;
        private final Consumer<Exception> failed;
        private final Runnable givenUp;
        private T result;
        private Exception error;
        /** Set by the worker, read by the FX thread: guarded by this. */
        private boolean started;
        private boolean finished;
        private boolean left;

        Job(Callable<T> work, Consumer<? super T> done, Consumer<Exception> failed, Runnable givenUp) {
            this.work = work;
            this.done = done;
            this.failed = failed;
            this.givenUp = givenUp;
        }

        /** Worker. */
        @Override
        public void run() {
            synchronized (this) {
                if (left) {
                    return; // given up before its turn came
                }
                started = true;
            }
            T value = null;
            Exception thrown = null;
            try {
                value = work.call();
            } catch (Exception e) {
                thrown = e;
            } catch (Error e) {
                thrown = new IllegalStateException(e); // the slot must come free whatever happened
                throw e;
            } finally {
                synchronized (this) {
                    result = value;
                    error = thrown;
                    finished = true;
                }
                tickJob.wake();
            }
        }

        synchronized boolean isDone() {
            return finished;
        }

        /** FX thread: given up; true when the worker is in it now (and may stay there). */
        synchronized boolean leave() {
            left = true;
            return started && !finished;
        }

        /** FX thread, once done. */
        void apply() {
            T value;
            Exception thrown;
            synchronized (this) {
                value = result;
                thrown = error;
            }
            if (thrown != null) {
                failed.accept(thrown);
            } else {
                done.accept(value);
            }
        }
    }
}
