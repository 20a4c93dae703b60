package io.socketdeck.core.net;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IPv4 broadcast addresses this machine knows: the limited broadcast 255.255.255.255 and the
 * subnet broadcast of every interface that is up (192.168.1.255 on a /24). A socket needs
 * SO_BROADCAST before it may send to one of them. IPv6 has no broadcast; it uses multicast.
 */
public final class BroadcastAddresses {

    private static final Logger LOGGER = LoggerFactory.getLogger(BroadcastAddresses.class);

    public static final InetAddress LIMITED = limited();

    private BroadcastAddresses() {
    }

    /** 255.255.255.255 and each up interface's subnet broadcast address; reads the interfaces now. */
    public static Set<InetAddress> known() {
        Set<InetAddress> found = new HashSet<>();
        found.add(LIMITED);
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp()) {
                    continue;
                }
                for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                    if (address.getBroadcast() != null) {
                        found.add(address.getBroadcast());
                    }
                }
            }
        } catch (SocketException e) {
            LOGGER.warn("cannot list network interfaces; only 255.255.255.255 is known as broadcast", e);
        }
        return Set.copyOf(found);
    }

    private static InetAddress limited() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
