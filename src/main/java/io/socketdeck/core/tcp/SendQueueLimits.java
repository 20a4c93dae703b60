package io.socketdeck.core.tcp;

/**
 * How much may wait to be sent on one connection when the peer does not read as fast as we send:
 * bytes counted with what each waiting send costs besides its payload, and the number of sends.
 * A send beyond either is refused ({@code SEND_BUFFER_FULL}), never buffered without bound.
 *
 * @param maxBytes    memory of the waiting sends, payload and per-send overhead together
 * @param maxMessages sends waiting at once
 */
public record SendQueueLimits(long maxBytes, int maxMessages) {

    /** A client tab's one connection: 16 MiB or 65,536 sends. */
    public static final SendQueueLimits CLIENT = new SendQueueLimits(16L << 20, 65_536);
    /**
     * Each client of a server: 1 MiB or 16,384 sends; a stalled client takes no more, and all the
     * clients of one server share {@link TcpServerOptions#DEFAULT_TOTAL_QUEUED_BYTES} besides.
     */
    public static final SendQueueLimits SERVER_CLIENT = new SendQueueLimits(1L << 20, 16_384);

    public SendQueueLimits {
        if (maxBytes < 1 || maxMessages < 1) {
            throw new IllegalArgumentException("send queue limits must be positive: " + maxBytes + ", " + maxMessages);
        }
    }
}
