package io.socketdeck.core.udp;

import io.socketdeck.core.net.BroadcastAddresses;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.IoFailures;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets SO_BROADCAST when a datagram goes to a broadcast address; without it the system refuses
 * the send with EACCES. The option only permits broadcasts and changes nothing for unicast, so
 * once on it stays on. Loop thread only.
 */
final class BroadcastPermission {

    private static final Logger LOGGER = LoggerFactory.getLogger(BroadcastPermission.class);

    private final DatagramChannel channel;
    private Set<InetAddress> known;
    private boolean on;

    BroadcastPermission(DatagramChannel channel) {
        this.channel = channel;
    }

    /** Before a send: turns the option on for 255.255.255.255 and the interfaces' broadcast addresses. */
    void prepare(InetAddress target) throws IOException {
        if (!on && target instanceof Inet4Address && knownAddresses().contains(target)) {
            enable(target);
        }
    }

    /**
     * After the system refused a send: EACCES on an IPv4 datagram means the route is a broadcast
     * one that the interface list does not show (127.255.255.255 on loopback, a subnet broadcast
     * of an interface the JDK reports without one). The system knows best: turn the option on.
     *
     * @return true when the send is worth one more try
     */
    boolean enableAfterRefusal(InetAddress target, IOException refusal) throws IOException {
        if (on || !(target instanceof Inet4Address) || IoFailures.classify(refusal) != FailureKind.PERMISSION_DENIED) {
            return false;
        }
        enable(target);
        return true;
    }

    private void enable(InetAddress target) throws IOException {
        channel.setOption(StandardSocketOptions.SO_BROADCAST, true);
        on = true;
        LOGGER.debug("SO_BROADCAST on for {}", target);
    }

    // Listing interfaces takes milliseconds: only once, and only when a socket sends IPv4 at all.
    private Set<InetAddress> knownAddresses() {
        if (known == null) {
            known = BroadcastAddresses.known();
        }
        return known;
    }
}
