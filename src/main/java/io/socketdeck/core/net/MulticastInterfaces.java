package io.socketdeck.core.net;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interfaces a UDP socket can join a multicast group on: every interface that is up. Loopback
 * is listed even though it does not claim multicast support: Linux still delivers IPv4 group
 * traffic on {@code lo}, which is how one tests multicast without touching the network.
 */
public final class MulticastInterfaces {

    private static final Logger LOGGER = LoggerFactory.getLogger(MulticastInterfaces.class);

    /**
     * One interface, by name, with its addresses for the label.
     *
     * @param multicast whether the interface says it supports multicast
     */
    public record Choice(String name, List<InetAddress> addresses, boolean loopback, boolean multicast) {
        public Choice {
            addresses = List.copyOf(addresses);
        }
    }

    private MulticastInterfaces() {
    }

    /** Up interfaces: multicast-capable real ones first (the usual pick), loopback last. */
    public static List<Choice> list() {
        List<Choice> choices = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    choices.add(new Choice(nic.getName(), Collections.list(nic.getInetAddresses()),
                            nic.isLoopback(), nic.supportsMulticast()));
                }
            }
        } catch (SocketException e) {
            LOGGER.warn("cannot list network interfaces for multicast", e);
        }
        choices.sort(Comparator.comparing((Choice c) -> c.loopback())
                .thenComparing(c -> !c.multicast())
                .thenComparing(Choice::name));
        return List.copyOf(choices);
    }
}
