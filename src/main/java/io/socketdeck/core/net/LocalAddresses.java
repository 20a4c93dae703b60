package io.socketdeck.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addresses a server or UDP socket can bind to on this machine: loopback, both wildcards,
 * then every address of every interface that is up, labelled with the interface's name.
 */
public final class LocalAddresses {

    private static final Logger LOGGER = LoggerFactory.getLogger(LocalAddresses.class);

    private LocalAddresses() {
    }

    public static List<BindAddress> list() {
        List<BindAddress> choices = new ArrayList<>();
        // Loopback first: this computer only, the choice that exposes nothing. Then the wildcards,
        // which every device on the network can reach, then each interface.
        choices.add(new BindAddress(BindAddress.Kind.LOOPBACK, literal("127.0.0.1"), "lo"));
        choices.add(new BindAddress(BindAddress.Kind.LOOPBACK, literal("::1"), "lo"));
        choices.add(new BindAddress(BindAddress.Kind.ANY_IPV4, literal("0.0.0.0"), ""));
        choices.add(new BindAddress(BindAddress.Kind.ANY_IPV6, literal("::"), ""));
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address || address instanceof Inet6Address) {
                        choices.add(new BindAddress(BindAddress.Kind.INTERFACE, address, nic.getName()));
                    }
                }
            }
        } catch (SocketException e) {
            LOGGER.warn("cannot list network interfaces; offering wildcards and loopback only", e);
        }
        return List.copyOf(choices);
    }

    private static InetAddress literal(String text) {
        return IpLiterals.parse(text).orElseThrow(() -> new IllegalStateException("not a literal: " + text));
    }
}
