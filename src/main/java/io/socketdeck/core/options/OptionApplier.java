package io.socketdeck.core.options;

import io.socketdeck.core.options.OptionGrant.Outcome;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sets options on one socket and reads each back, so what the system granted is reported, never
 * assumed: one {@link OptionGrant} per option, in the order they were set. An option the socket
 * does not have (SO_REUSEPORT on some systems, the keepalive timings without the {@code jdk.net}
 * module) or a value the system refuses is a grant saying so, not an exception: the other options
 * still apply and the caller reports all of them. {@link #problemsOnly} sets the same options and
 * notes only what could not be set. Call on the socket's own thread (the loop).
 */
public final class OptionApplier {

    private final NetworkChannel channel;
    private final List<OptionGrant> grants = new ArrayList<>();
    /** False: only the options that could not be set are noted, none is read back. */
    private final boolean readBack;

    public OptionApplier(NetworkChannel channel) {
        this(channel, true);
    }

    private OptionApplier(NetworkChannel channel, boolean readBack) {
        this.channel = channel;
        this.readBack = readBack;
    }

    /**
     * Sets options as {@link #OptionApplier(NetworkChannel)} does but reads none back, and its
     * grants are only the problems (unsupported, refused): for a server's clients after the one it
     * reports, where reading each option back cost a system call, a string and a grant apiece for
     * every one of ten thousand accepts (about a tenth of what a storm of connects allocated).
     */
    public static OptionApplier problemsOnly(NetworkChannel channel) {
        return new OptionApplier(channel, false);
    }

    /** What became of each option so far. */
    public List<OptionGrant> grants() {
        return List.copyOf(grants);
    }

    /** TCP_NODELAY, always set (on or off). */
    public OptionApplier noDelay(boolean on) {
        setAndRead(SocketOptionKind.TCP_NODELAY, StandardSocketOptions.TCP_NODELAY, on, onOff(on));
        return this;
    }

    /**
     * SO_KEEPALIVE, always set; with it on, the probe timings (seconds, seconds, probes) where the
     * platform has {@code jdk.net.ExtendedSocketOptions}, else the timing grant is UNSUPPORTED.
     */
    public OptionApplier keepAlive(boolean on, int idleSeconds, int intervalSeconds, int probes) {
        setAndRead(SocketOptionKind.SO_KEEPALIVE, StandardSocketOptions.SO_KEEPALIVE, on, onOff(on));
        if (!on) {
            return this;
        }
        SocketOption<Integer> idle = ExtendedOptions.find(channel, ExtendedOptions.KEEP_IDLE);
        SocketOption<Integer> interval = ExtendedOptions.find(channel, ExtendedOptions.KEEP_INTERVAL);
        SocketOption<Integer> count = ExtendedOptions.find(channel, ExtendedOptions.KEEP_COUNT);
        if (idle == null || interval == null || count == null) {
            grants.add(new OptionGrant(SocketOptionKind.KEEPALIVE_TIMING, timing(idleSeconds, intervalSeconds, probes),
                    "", Outcome.UNSUPPORTED, ""));
            return this;
        }
        try {
            channel.setOption(idle, idleSeconds);
            channel.setOption(interval, intervalSeconds);
            channel.setOption(count, probes);
            if (!readBack) {
                return this; // a server's later clients: no text made for a report nobody reads
            }
            String asked = timing(idleSeconds, intervalSeconds, probes);
            String granted = timing(channel.getOption(idle), channel.getOption(interval), channel.getOption(count));
            grants.add(new OptionGrant(SocketOptionKind.KEEPALIVE_TIMING, asked, granted,
                    granted.equals(asked) ? Outcome.SET : Outcome.ADJUSTED, ""));
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            grants.add(new OptionGrant(SocketOptionKind.KEEPALIVE_TIMING, timing(idleSeconds, intervalSeconds, probes),
                    "", Outcome.FAILED, e.getMessage()));
        }
        return this;
    }

    /** Keepalive probe timings as the options panel shows them: idle/interval/probes. */
    private static String timing(int idleSeconds, int intervalSeconds, int probes) {
        return idleSeconds + "/" + intervalSeconds + "/" + probes;
    }

    /**
     * The options of {@code set}: each one asked is set and read back; one left to the system is
     * only read back (buffers, so the panel shows the system's size), or not mentioned at all
     * (linger, traffic class, reuse port: their system value says nothing).
     *
     * @param stream true for a TCP socket: SO_LINGER applies; false for UDP, where it does not
     */
    public OptionApplier apply(SocketOptionSet set, boolean stream) {
        buffer(SocketOptionKind.SO_RCVBUF, StandardSocketOptions.SO_RCVBUF, set.receiveBuffer());
        buffer(SocketOptionKind.SO_SNDBUF, StandardSocketOptions.SO_SNDBUF, set.sendBuffer());
        if (stream && set.lingerSeconds() >= 0) {
            setAndRead(SocketOptionKind.SO_LINGER, StandardSocketOptions.SO_LINGER, set.lingerSeconds(),
                    set.lingerSeconds() + " s");
        }
        if (set.trafficClass() >= 0) {
            setAndRead(SocketOptionKind.IP_TOS, StandardSocketOptions.IP_TOS, set.trafficClass(),
                    tos(set.trafficClass()));
        }
        if (set.reusePort()) {
            setAndRead(SocketOptionKind.SO_REUSEPORT, StandardSocketOptions.SO_REUSEPORT, true, onOff(true));
        }
        return this;
    }

    /** "0x10 (16)": how DSCP/TOS values are usually written, with the decimal beside it. */
    public static String tos(int value) {
        return String.format(Locale.ROOT, "0x%02X (%d)", value, value);
    }

    private void buffer(SocketOptionKind kind, SocketOption<Integer> option, int bytes) {
        if (bytes > 0) {
            setAndRead(kind, option, bytes, Integer.toString(bytes));
            return;
        }
        if (readBack && channel.supportedOptions().contains(option)) {
            try {
                grants.add(new OptionGrant(kind, "", String.valueOf(channel.getOption(option)), Outcome.SYSTEM, ""));
            } catch (IOException e) {
                grants.add(new OptionGrant(kind, "", "", Outcome.FAILED, e.getMessage()));
            }
        }
    }

    private <T> void setAndRead(SocketOptionKind kind, SocketOption<T> option, T value, String asked) {
        if (!channel.supportedOptions().contains(option)) {
            grants.add(new OptionGrant(kind, asked, "", Outcome.UNSUPPORTED, ""));
            return;
        }
        try {
            channel.setOption(option, value);
            if (!readBack) {
                return;
            }
            T read = channel.getOption(option);
            String granted = describe(kind, read);
            grants.add(new OptionGrant(kind, asked, granted, granted.equals(asked) ? Outcome.SET : Outcome.ADJUSTED, ""));
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            grants.add(new OptionGrant(kind, asked, "", Outcome.FAILED, e.getMessage()));
        }
    }

    private static String describe(SocketOptionKind kind, Object value) {
        if (value instanceof Boolean on) {
            return onOff(on);
        }
        if (kind == SocketOptionKind.SO_LINGER) {
            int seconds = (Integer) value;
            return seconds < 0 ? "off" : seconds + " s";
        }
        if (kind == SocketOptionKind.IP_TOS) {
            return tos((Integer) value);
        }
        return String.valueOf(value);
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
