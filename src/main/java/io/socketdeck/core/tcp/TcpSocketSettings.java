package io.socketdeck.core.tcp;

import io.socketdeck.core.options.OptionApplier;
import io.socketdeck.core.options.OptionGrant;
import io.socketdeck.core.options.SocketOptionSet;
import java.nio.channels.NetworkChannel;
import java.util.List;

/**
 * Every option a TCP connection is given: Nagle, keepalive and the user's others, set at connect
 * or accept and again, live, when the user changes them on an open connection.
 *
 * @param noDelay   TCP_NODELAY
 * @param keepAlive SO_KEEPALIVE and its timings
 * @param others    buffers, linger, traffic class
 */
public record TcpSocketSettings(boolean noDelay, KeepAlive keepAlive, SocketOptionSet others) {

    /** What a connection gets when the user changed nothing: Nagle off, keepalive on (30/5/4). */
    public static final TcpSocketSettings DEFAULT = new TcpSocketSettings(true, KeepAlive.DEFAULT, SocketOptionSet.SYSTEM);

    /** True when the user asked for something beyond what every connection gets. */
    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** Sets them all on {@code channel} and reads each back; loop thread. */
    public List<OptionGrant> applyTo(NetworkChannel channel) {
        return applyWith(new OptionApplier(channel));
    }

    /**
     * Sets them all on {@code channel} without reading them back: the grants of those that could
     * not be set, empty when all were. Loop thread.
     */
    public List<OptionGrant> applyProblemsOnly(NetworkChannel channel) {
        return applyWith(OptionApplier.problemsOnly(channel));
    }

    private List<OptionGrant> applyWith(OptionApplier applier) {
        return applier
                .noDelay(noDelay)
                .keepAlive(keepAlive.enabled(), (int) keepAlive.idle().toSeconds(),
                        (int) keepAlive.interval().toSeconds(), keepAlive.probes())
                .apply(others, true)
                .grants();
    }
}
