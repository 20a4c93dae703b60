package io.socketdeck.core.relay;

import java.util.List;
import java.util.StringJoiner;

/**
 * The faults injected into one direction of every relayed connection. Immutable and validated;
 * {@link #NONE} forwards untouched. A relay takes new faults live ({@code RelaySession.setFaults}):
 * bytes already delayed keep their delivery time, everything read afterwards gets the new ones.
 *
 * <p>The order in which a chunk read from the source meets them: rewrite rules, corrupt, then the
 * byte limits (reset or close after N bytes; counted on what is forwarded), then the delivery
 * schedule: latency ± jitter (order is kept: a chunk never overtakes an earlier one), bandwidth,
 * slicing. Stall stops delivery altogether while it is on. Drop applies to UDP datagrams only.
 *
 * @param latencyMillis         added delay of each chunk, 0 for none
 * @param jitterMillis          up to this much more or less than {@code latencyMillis}, uniformly
 *                              random, never below 0; at most {@code latencyMillis}
 * @param bandwidthBytesPerSecond at most this many bytes a second (a token bucket); 0 for unlimited
 * @param sliceBytes            deliver in pieces of at most this many bytes (TCP writes); 0 for off
 * @param sliceDelayMillis      the pause between two pieces when slicing
 * @param dropProbability       0..1: the chance a UDP datagram is dropped
 * @param corruptProbability    0..1: the chance a chunk (a TCP read, a datagram) gets one bit flipped
 * @param resetAfterBytes       reset the connection (RST both ways) once this many bytes went this
 *                              way; 0 for off. The bytes up to the limit are delivered first
 * @param closeAfterBytes       finish this leg (FIN to the receiver) once this many bytes went this
 *                              way; 0 for off. Later bytes from the source are read and discarded
 * @param stall                 deliver nothing on this leg while on; the connection stays open and
 *                              bytes queue up to the buffer bound, then back-pressure
 * @param rewrites              rewrite rules, applied in order to each chunk
 */
public record LegFaults(int latencyMillis, int jitterMillis, long bandwidthBytesPerSecond, int sliceBytes,
                        int sliceDelayMillis, double dropProbability, double corruptProbability,
                        long resetAfterBytes, long closeAfterBytes, boolean stall, List<RewriteRule> rewrites) {

    public static final LegFaults NONE = new LegFaults(0, 0, 0, 0, 0, 0, 0, 0, 0, false, List.of());

    public LegFaults {
        rewrites = List.copyOf(rewrites);
        if (latencyMillis < 0 || jitterMillis < 0 || sliceBytes < 0 || sliceDelayMillis < 0) {
            throw new IllegalArgumentException("negative latency, jitter or slicing");
        }
        if (jitterMillis > latencyMillis) {
            throw new IllegalArgumentException("jitter " + jitterMillis + " ms exceeds latency " + latencyMillis + " ms");
        }
        if (bandwidthBytesPerSecond < 0 || resetAfterBytes < 0 || closeAfterBytes < 0) {
            throw new IllegalArgumentException("negative bandwidth or byte limit");
        }
        if (!(dropProbability >= 0 && dropProbability <= 1) || !(corruptProbability >= 0 && corruptProbability <= 1)) {
            throw new IllegalArgumentException("a probability is outside 0..1");
        }
    }

    /** True when nothing is injected: bytes go through untouched and at once. */
    public boolean isNone() {
        return equals(NONE);
    }

    public LegFaults withLatency(int millis, int jitter) {
        return new LegFaults(millis, jitter, bandwidthBytesPerSecond, sliceBytes, sliceDelayMillis, dropProbability,
                corruptProbability, resetAfterBytes, closeAfterBytes, stall, rewrites);
    }

    public LegFaults withBandwidth(long bytesPerSecond) {
        return new LegFaults(latencyMillis, jitterMillis, bytesPerSecond, sliceBytes, sliceDelayMillis,
                dropProbability, corruptProbability, resetAfterBytes, closeAfterBytes, stall, rewrites);
    }

    public LegFaults withSlicing(int bytes, int delayMillis) {
        return new LegFaults(latencyMillis, jitterMillis, bandwidthBytesPerSecond, bytes, delayMillis,
                dropProbability, corruptProbability, resetAfterBytes, closeAfterBytes, stall, rewrites);
    }

    public LegFaults withDrop(double probability) {
        return new LegFaults(latencyMillis, jitterMillis, bandwidthBytesPerSecond, sliceBytes, sliceDelayMillis,
                probability, corruptProbability, resetAfterBytes, closeAfterBytes, stall, rewrites);
    }

    public LegFaults withCorrupt(double probability) {
        return new LegFaults(latencyMillis, jitterMillis, bandwidthBytesPerSecond, sliceBytes, sliceDelayMillis,
                dropProbability, probability, resetAfterBytes, closeAfterBytes, stall, rewrites);
    }

    public LegFaults withResetAfter(long bytes) {
        return new LegFaults(latencyMillis, jitterMillis, bandwidthBytesPerSecond, sliceBytes, sliceDelayMillis,
                dropProbability, corruptProbability, bytes, closeAfterBytes, stall, rewrites);
    }

    public LegFaults withCloseAfter(long bytes) {
        return new LegFaults(latencyMillis, jitterMillis, bandwidthBytesPerSecond, sliceBytes, sliceDelayMillis,
                dropProbability, corruptProbability, resetAfterBytes, bytes, stall, rewrites);
    }

    public LegFaults withStall(boolean on) {
        return new LegFaults(latencyMillis, jitterMillis, bandwidthBytesPerSecond, sliceBytes, sliceDelayMillis,
                dropProbability, corruptProbability, resetAfterBytes, closeAfterBytes, on, rewrites);
    }

    public LegFaults withRewrites(List<RewriteRule> rules) {
        return new LegFaults(latencyMillis, jitterMillis, bandwidthBytesPerSecond, sliceBytes, sliceDelayMillis,
                dropProbability, corruptProbability, resetAfterBytes, closeAfterBytes, stall, rules);
    }

    /**
     * The active faults in a short language-neutral form ("latency=50±5ms bandwidth=1000B/s
     * rewrites=2"), for the detail of a faults-changed event; empty when none.
     */
    public String summary() {
        StringJoiner parts = new StringJoiner(" ");
        if (latencyMillis > 0) {
            parts.add("latency=" + latencyMillis + (jitterMillis > 0 ? "\u00b1" + jitterMillis : "") + "ms");
        }
        if (bandwidthBytesPerSecond > 0) {
            parts.add("bandwidth=" + bandwidthBytesPerSecond + "B/s");
        }
        if (sliceBytes > 0) {
            parts.add("slice=" + sliceBytes + "B/" + sliceDelayMillis + "ms");
        }
        if (dropProbability > 0) {
            parts.add("drop=" + dropProbability);
        }
        if (corruptProbability > 0) {
            parts.add("corrupt=" + corruptProbability);
        }
        if (resetAfterBytes > 0) {
            parts.add("resetAfter=" + resetAfterBytes + "B");
        }
        if (closeAfterBytes > 0) {
            parts.add("closeAfter=" + closeAfterBytes + "B");
        }
        if (stall) {
            parts.add("stall");
        }
        if (!rewrites.isEmpty()) {
            parts.add("rewrites=" + rewrites.size());
        }
        return parts.toString();
    }
}
