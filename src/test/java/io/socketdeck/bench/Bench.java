package io.socketdeck.bench;

/**
 * How long and how often the benchmarks measure. {@code -Dbench.quick=true} shortens every
 * duration, round count and size for a smoke run that only shows the benches still work: its
 * figures are not comparable, and the default run never uses it.
 */
final class Bench {

    static final boolean QUICK = Boolean.getBoolean("bench.quick");

    private Bench() {
    }

    /** {@code millis} in a real run, a tenth of it (at least 300 ms) in a quick one. */
    static long millis(long millis) {
        return QUICK ? Math.max(300, millis / 10) : millis;
    }

    /** {@code rounds} in a real run, at most 2 in a quick one. */
    static int rounds(int rounds) {
        return QUICK ? Math.min(rounds, 2) : rounds;
    }

    /** {@code full} in a real run, {@code quick} in a quick one (sizes, counts). */
    static long pick(long full, long quick) {
        return QUICK ? quick : full;
    }

    /**
     * Lets {@code millis} of wall-clock time pass while something is measured (a flood, a storm's
     * tail): a bench measures over wall time, so sleeping is the point here, never synchronization.
     */
    static void letTimePass(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
