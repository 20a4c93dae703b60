package io.socketdeck.core.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.BurstReport;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The order in which legs that wait for the relay's budget read again, on the budget and its legs
 * alone (no sockets: what is checked is who is woken, which the loop would only make racy): first
 * come first woken, no leg reads past those in line, a woken leg whose room was taken keeps its
 * place, and a leg that goes away hands its turn on.
 */
class RelayBudgetLineTest {

    private static final int BUDGET = 1000;

    private final Context context = new Context();
    private final List<String> woken = new ArrayList<>();

    /** A TCP leg whose source would be read again when it says so. */
    private LegPipe leg(String name) {
        return new LegPipe(Leg.UP, context, new LegPipe.Owner() {
            @Override
            public long id() {
                return 1;
            }

            @Override
            public void wantWrite(Leg leg, boolean on) {
            }

            @Override
            public void wantRead(Leg leg, boolean on) {
                if (on) {
                    woken.add(name);
                }
            }

            @Override
            public void finished(Leg leg) {
            }

            @Override
            public void resetByFault(Leg leg) {
            }

            @Override
            public void sinkFailed(Leg leg, IOException error) {
            }
        }, true);
    }

    /** Held bytes of {@code cost} in all, overhead included. */
    private static void fill(LegPipe leg, int cost) {
        leg.accept(new byte[cost - LegPipe.CHUNK_OVERHEAD], false);
    }

    /** Lets {@code leg} deliver what it holds to a sink that takes everything. */
    private void deliver(LegPipe leg) {
        context.held = false;
        leg.connect(new LegPipe.Sink() {
            @Override
            public int write(byte[] bytes, int offset, int length) {
                return length;
            }

            @Override
            public void finish() {
            }
        });
        context.held = true;
    }

    @Test
    void legsReadAgainInTheOrderTheyStoppedAndNoneGoesPastThem() {
        LegPipe holder = leg("holder");
        LegPipe a = leg("a");
        LegPipe b = leg("b");
        LegPipe c = leg("c");
        fill(holder, BUDGET);
        assertEquals(BUDGET, context.budget.used());
        assertEquals(0, a.readRoom());
        assertEquals(0, b.readRoom());
        assertEquals(0, c.readRoom());

        deliver(holder);
        assertEquals(List.of("a"), woken, "the first in line, alone");
        assertEquals(0, b.readRoom(), "b read before its turn: it keeps its place");
        LegPipe late = leg("late");
        assertEquals(0, late.readRoom(), "a leg that did not wait goes behind those that did");

        assertEquals(BUDGET - LegPipe.CHUNK_OVERHEAD, a.readRoom(), "a's turn: all that is free");
        assertEquals(List.of("a", "b"), woken, "b is woken as a reads");
        fill(a, BUDGET); // what a read fills the budget again
        assertEquals(0, b.readRoom(), "woken, but a took the room");

        deliver(a);
        assertEquals(List.of("a", "b", "b"), woken, "b still first");
        b.clear(); // b's connection ends before it reads: its turn goes on
        assertEquals(List.of("a", "b", "b", "c"), woken);
        assertTrue(c.readRoom() > 0);
        assertEquals(List.of("a", "b", "b", "c", "late"), woken);
        assertTrue(late.readRoom() > 0);
        assertTrue(leg("new").readRoom() > 0, "the line is empty: anyone reads");
    }

    @Test
    void aLegThatCannotTakeItsTurnForItsOwnBoundHandsItOn() {
        LegPipe holder = leg("holder");
        LegPipe a = leg("a");
        LegPipe b = leg("b");
        fill(holder, BUDGET);
        assertEquals(0, a.readRoom());
        assertEquals(0, b.readRoom());
        context.bufferBytes = 100;
        deliver(holder);
        assertEquals(List.of("a"), woken);
        a.accept(new byte[200], false); // injected while woken: a's own queue is full
        assertEquals(List.of("a", "b"), woken, "a stopped for its own bound, b gets the turn");
        assertTrue(b.readRoom() > 0);
    }

    @Test
    void theLineWakesOnlyOnceAUsefulAmountIsFree() {
        LegPipe holder = leg("holder");
        LegPipe other = leg("other");
        LegPipe a = leg("a");
        fill(holder, BUDGET / 2);
        fill(other, BUDGET / 2);
        assertEquals(0, a.readRoom());
        long wakeRoom = BUDGET / 8;
        assertTrue(wakeRoom > LegPipe.CHUNK_OVERHEAD, "the test's budget wakes at an eighth of itself");
        context.held = false;
        // A sink that takes a few bytes at a time: each write frees a little.
        int[] taken = {0};
        holder.connect(new LegPipe.Sink() {
            @Override
            public int write(byte[] bytes, int offset, int length) {
                int step = (int) Math.min(length, Math.max(0, wakeRoom - 1 - taken[0]));
                taken[0] += step;
                return step;
            }

            @Override
            public void finish() {
            }
        });
        assertEquals(List.of(), woken, (wakeRoom - 1) + " bytes free: not yet");
        holder.writable();
        assertEquals(List.of(), woken);
        taken[0] = 0;
        holder.writable(); // a second step: now more than the wake room is free
        assertEquals(List.of("a"), woken);
    }

    /** The relay around the legs: held at first, timers never run. */
    private final class Context implements RelayContext {
        boolean held = true;
        int bufferBytes = 1 << 20;
        final RelayBudget budget = new RelayBudget(BUDGET, this, () -> new InetSocketAddress(0));

        @Override
        public LegSettings settings(Leg leg) {
            return LegSettings.NONE;
        }

        @Override
        public boolean held() {
            return held;
        }

        @Override
        public SelectorLoop.Timer schedule(long delayNanos, Runnable task) {
            return () -> { };
        }

        @Override
        public void emit(SessionEvent event) {
        }

        @Override
        public BurstReport burstReport(BurstReport.Report report) {
            return new BurstReport((delayNanos, task) -> { }, report);
        }

        @Override
        public TrafficCounters counters() {
            return new TrafficCounters();
        }

        @Override
        public RelayOptions options() {
            return RelayOptions.of(RelayProtocol.TCP, InetAddress.getLoopbackAddress(), 0, "127.0.0.1", 1)
                    .withBufferBytes(bufferBytes);
        }

        @Override
        public RelayBudget budget() {
            return budget;
        }

        @Override
        public ByteBuffer readBuffer() {
            return ByteBuffer.allocate(0);
        }

        @Override
        public SplittableRandom random() {
            return new SplittableRandom(1);
        }

        @Override
        public void changed() {
        }

        @Override
        public void added(RelayLink link) {
        }

        @Override
        public void removed(RelayLink link) {
        }

        @Override
        public void crashed(Error error) {
        }

        @Override
        public void read(Leg leg, int bytes) {
        }
    }
}
