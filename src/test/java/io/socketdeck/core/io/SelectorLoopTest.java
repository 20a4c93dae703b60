package io.socketdeck.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.testsupport.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SelectorLoopTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static Thread runInBackground(SelectorLoop loop) {
        Thread thread = new Thread(() -> {
            try (loop) {
                loop.run();
            }
        }, "loop-test");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void stopActionsRunOnTheLoopThreadAfterItsLastTask() throws Exception {
        SelectorLoop loop = new SelectorLoop();
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        loop.whenStopped(() -> {
            order.add("stopped");
            ranOn.set(Thread.currentThread());
        });
        SelectorLoop.Timer withdrawn = loop.whenStopped(() -> order.add("withdrawn"));
        withdrawn.cancel();
        Thread thread = runInBackground(loop);
        loop.execute(() -> {
            loop.stop();
            loop.execute(() -> order.add("last task"));
        });
        thread.join(TIMEOUT.toMillis());
        assertEquals(List.of("last task", "stopped"), order);
        assertSame(thread, ranOn.get());
    }

    @Test
    void aStopActionAddedAfterTheEndRunsAtOnce() throws Exception {
        SelectorLoop loop = new SelectorLoop();
        Thread thread = runInBackground(loop);
        loop.stop();
        thread.join(TIMEOUT.toMillis());
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        loop.whenStopped(() -> ranOn.set(Thread.currentThread()));
        assertSame(Thread.currentThread(), ranOn.get());
    }

    @Test
    void closingALoopThatNeverRanEndsIt() {
        SelectorLoop loop = new SelectorLoop();
        List<String> order = new CopyOnWriteArrayList<>();
        loop.whenStopped(() -> order.add("stopped"));
        loop.close();
        assertEquals(List.of("stopped"), order);
    }

    @Test
    void timersFireInDueOrderAndNeverEarly() throws Exception {
        SelectorLoop loop = new SelectorLoop();
        List<long[]> fired = new CopyOnWriteArrayList<>();
        Thread thread = runInBackground(loop);
        long[] delays = {3_000_000, 400_000, 1_500_000, 0, 2_200_000};
        long smallestGap = 400_000;
        long[] scheduling = new long[2];
        loop.execute(() -> {
            scheduling[0] = System.nanoTime();
            for (int i = 0; i < delays.length; i++) {
                int index = i;
                long due = System.nanoTime() + delays[i];
                loop.schedule(delays[i], () -> fired.add(new long[] {index, due, System.nanoTime()}));
            }
            scheduling[1] = System.nanoTime();
        });
        Await.until(() -> fired.size() == delays.length, TIMEOUT, "every timer");
        loop.stop();
        thread.join(TIMEOUT.toMillis());
        // Each delay counts from its own schedule call: on a busy machine the thread may be
        // descheduled between two calls for longer than the delays differ, and then the due
        // order itself changes. Exact order only when the calls came closer than that.
        long spread = scheduling[1] - scheduling[0];
        if (spread < smallestGap) {
            assertEquals(List.of(3L, 1L, 2L, 4L, 0L), fired.stream().map(f -> f[0]).toList());
        }
        for (int i = 1; i < fired.size(); i++) {
            assertTrue(fired.get(i)[1] >= fired.get(i - 1)[1] - spread,
                    "timer " + fired.get(i)[0] + " fired after a later one");
        }
        for (long[] f : fired) {
            assertTrue(f[2] >= f[1], "timer " + f[0] + " fired " + (f[1] - f[2]) + " ns early");
        }
    }

    @Test
    void aTaskFromAnotherThreadInterruptsAShortWait() throws Exception {
        SelectorLoop loop = new SelectorLoop();
        Thread thread = runInBackground(loop);
        AtomicReference<String> seen = new AtomicReference<>();
        // Keep a sub-millisecond timer pending again and again, so the loop is mostly parked.
        Runnable[] rearm = new Runnable[1];
        rearm[0] = () -> loop.schedule(900_000, rearm[0]);
        loop.execute(rearm[0]);
        for (int i = 0; i < 100; i++) {
            String value = "task " + i;
            loop.execute(() -> seen.set(value));
            Await.until(() -> value.equals(seen.get()), TIMEOUT, value);
        }
        loop.stop();
        thread.join(TIMEOUT.toMillis());
    }

    @Test
    void tasksAndTimersThatThrowEvenErrorsLeaveTheLoopRunning() throws Exception {
        SelectorLoop loop = new SelectorLoop();
        Thread thread = runInBackground(loop);
        List<String> ran = new CopyOnWriteArrayList<>();
        loop.execute(() -> {
            throw new NoClassDefFoundError("io/socketdeck/Missing (Too many open files)");
        });
        loop.execute(() -> {
            throw new IllegalStateException("a bug");
        });
        loop.execute(() -> loop.schedule(0, () -> {
            throw new AssertionError("a timer's bug");
        }));
        loop.execute(() -> loop.schedule(1_000_000, () -> ran.add("later timer")));
        loop.execute(() -> ran.add("later task"));
        Await.until(() -> ran.size() == 2, TIMEOUT, "the loop goes on after the errors");
        assertTrue(thread.isAlive());
        loop.stop();
        thread.join(TIMEOUT.toMillis());
        assertEquals(List.of("later task", "later timer"), ran);
    }

    @Test
    void aHandlerThatThrowsIsToldSoAndTheOthersKeepBeingServed() throws Exception {
        SelectorLoop loop = new SelectorLoop();
        Thread thread = runInBackground(loop);
        AtomicReference<Throwable> told = new AtomicReference<>();
        List<String> served = new CopyOnWriteArrayList<>();
        try (DatagramChannel failing = boundDatagramChannel(); DatagramChannel plain = boundDatagramChannel();
             DatagramChannel healthy = boundDatagramChannel(); DatagramChannel sender = DatagramChannel.open()) {
            loop.execute(() -> {
                try {
                    loop.register(failing, SelectionKey.OP_READ, new SelectorLoop.Handler() {
                        @Override
                        public void ready(SelectionKey key) {
                            throw new LinkageError("cannot load a class");
                        }

                        @Override
                        public boolean failed(SelectionKey key, Throwable error) {
                            told.set(error);
                            key.cancel();
                            return true;
                        }
                    });
                    loop.register(plain, SelectionKey.OP_READ, key -> {
                        throw new AssertionError("no failed() of its own");
                    });
                    loop.register(healthy, SelectionKey.OP_READ, key -> {
                        ((DatagramChannel) key.channel()).receive(ByteBuffer.allocate(16));
                        served.add("healthy");
                    });
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.send(ByteBuffer.wrap(new byte[] {1}), failing.getLocalAddress());
            sender.send(ByteBuffer.wrap(new byte[] {1}), plain.getLocalAddress());
            Await.until(() -> told.get() != null && !plain.isOpen(), TIMEOUT, "both failures handled");
            assertInstanceOf(LinkageError.class, told.get());
            assertTrue(failing.isOpen(), "a handler that handles its failure decides about its channel");
            sender.send(ByteBuffer.wrap(new byte[] {1}), healthy.getLocalAddress());
            Await.until(() -> served.contains("healthy"), TIMEOUT, "the loop serves the others");
            assertTrue(thread.isAlive());
        }
        loop.stop();
        thread.join(TIMEOUT.toMillis());
        assertFalse(thread.isAlive());
        assertTrue(loop.hasEnded());
    }

    @Test
    void aTaskQueuedAfterReleasingClosedChannelsStillWakesTheLoop() throws Exception {
        SelectorLoop loop = new SelectorLoop();
        Thread thread = runInBackground(loop);
        for (int round = 0; round < 50; round++) {
            CountDownLatch releaseQueued = new CountDownLatch(1);
            CountDownLatch released = new CountDownLatch(1);
            // The release is queued while the loop is busy, so its wakeup is still pending when
            // the release's own select consumes it; the next task must wake the loop all the same.
            loop.execute(() -> await(releaseQueued));
            loop.execute(() -> {
                loop.releaseClosedChannels();
                released.countDown();
            });
            releaseQueued.countDown();
            assertTrue(released.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            CountDownLatch next = new CountDownLatch(1);
            loop.execute(next::countDown);
            assertTrue(next.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "round " + round);
        }
        loop.stop();
        thread.join(TIMEOUT.toMillis());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DatagramChannel boundDatagramChannel() throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        channel.configureBlocking(false);
        return channel;
    }
}
