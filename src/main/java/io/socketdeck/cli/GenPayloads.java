package io.socketdeck.cli;

import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.send.Macros;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.PayloadOptions;
import io.socketdeck.core.send.Payloads;
import io.socketdeck.core.text.InputErrors;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messages of a generator run. A payload without changing macros (no counter, time or
 * random bytes) is built once and the same array is sent every time: a generator must not cost a
 * build, nor garbage, per message. One with them is built again for each message by the window's
 * own {@link Payloads}, its <code>{{COUNTER}}</code> counting 1, 2, 3 ... across all connections.
 * Thread-safe.
 */
final class GenPayloads {

    /** What {@code --size} fills a message with: readable in a listener, cut to the size. */
    static final String FILLER = "socketdeck gen ";

    private final byte[] fixed;
    private final Macros.Template template;
    private final PayloadOptions options;
    private final int sampleLength;
    private final AtomicLong counter = new AtomicLong();
    private final MacroValues values = counter::incrementAndGet;
    /** Messages asked for: the number of the one that could not be built. */
    private final AtomicLong asked = new AtomicLong();

    private GenPayloads(byte[] fixed, Macros.Template template, PayloadOptions options, int sampleLength) {
        this.fixed = fixed;
        this.sampleLength = sampleLength;
        this.template = template;
        this.options = options;
    }

    /** {@code size} bytes of {@link #FILLER}, the same every time. */
    static GenPayloads filler(int size) {
        byte[] bytes = new byte[size];
        byte[] pattern = FILLER.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            bytes[i] = pattern[i % pattern.length];
        }
        return new GenPayloads(bytes, null, null, size);
    }

    /**
     * {@code data} as the send box would build it with {@code mixin}'s options. Bad hex, escapes
     * or macros end the command here (exit 2, the window's words), before anything is sent.
     */
    static GenPayloads of(String data, PayloadMixin mixin) {
        PayloadOptions options = mixin.options();
        byte[] first = mixin.build(data, () -> 1); // checks it all; the run's counter starts untouched
        Macros.Template template;
        try {
            template = Macros.parse(data);
        } catch (PayloadException e) {
            throw new CliFailure(ExitCode.USAGE, InputErrors.payload(e)); // build() above already refused it
        }
        return template.fixed() ? new GenPayloads(first, null, options, first.length)
                : new GenPayloads(null, template, options, first.length);
    }

    /** True when every message is the same bytes ({@link #fixedBytes()}). */
    boolean fixed() {
        return fixed != null;
    }

    /** The size of a message (the first one's, built to check it, when they change). */
    int sampleLength() {
        return sampleLength;
    }

    /** The one message of a fixed payload; nobody may change it. */
    byte[] fixedBytes() {
        return fixed;
    }

    /** The next message: the fixed array itself, or a new one built now. */
    byte[] next() {
        if (fixed != null) {
            return fixed;
        }
        long number = asked.incrementAndGet();
        try {
            return Payloads.build(template, options, values);
        } catch (PayloadException e) {
            // Built once before the run started; a later value may not build (a hex counter at 100).
            throw new Unbuildable(number, e);
        }
    }

    /**
     * Message {@code number} (from 1, across all connections) could not be built with its macros'
     * new values. The event of core's {@code PayloadBuildFailure}, said in the same sentence; not
     * that type, which has no number: a repeat counts its sends itself, only this counter knows.
     */
    static final class Unbuildable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final long number;
        final transient PayloadException problem;

        Unbuildable(long number, PayloadException problem) {
            super(problem.getMessage(), problem, false, false);
            this.number = number;
            this.problem = problem;
        }
    }
}
