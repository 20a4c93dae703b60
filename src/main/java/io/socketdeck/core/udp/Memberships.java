package io.socketdeck.core.udp;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.IoFailures;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The multicast groups a UDP socket has joined, per interface. Loop thread only. */
final class Memberships {

    private static final Logger LOGGER = LoggerFactory.getLogger(Memberships.class);

    private record Membership(InetAddress group, String interfaceName) {
    }

    private final DatagramChannel channel;
    private final SessionListener listener;
    private final Map<Membership, MembershipKey> keys = new HashMap<>();

    Memberships(DatagramChannel channel, SessionListener listener) {
        this.channel = channel;
        this.listener = listener;
    }

    void join(InetAddress group, String interfaceName) {
        Membership membership = new Membership(group, interfaceName);
        if (keys.containsKey(membership)) {
            emitJoined(membership); // already a member: say so again rather than fail
            return;
        }
        try {
            NetworkInterface nic = NetworkInterface.getByName(interfaceName);
            if (nic == null) {
                fail(FailureKind.IO, "no network interface named " + interfaceName);
                return;
            }
            keys.put(membership, channel.join(group, nic));
            sendThrough(nic);
            emitJoined(membership);
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
            // IllegalArgument: an IPv6 group on an IPv4 socket; IllegalState: a conflicting source filter
            fail(e instanceof IOException io ? IoFailures.classify(io) : FailureKind.IO, IoFailures.detail(e));
        }
    }

    void leave(InetAddress group, String interfaceName) {
        Membership membership = new Membership(group, interfaceName);
        MembershipKey key = keys.remove(membership);
        if (key != null) {
            key.drop();
        }
        listener.onEvent(new SessionEvent.MulticastLeft(System.currentTimeMillis(), group, interfaceName));
    }

    // Replies to the group should leave through the interface the user listens on, not through
    // whatever the routing table picks (often no route at all for loopback).
    private void sendThrough(NetworkInterface nic) {
        try {
            channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, nic);
        } catch (IOException | IllegalArgumentException e) {
            LOGGER.debug("cannot send multicast through {}", nic.getName(), e);
        }
    }

    private void emitJoined(Membership membership) {
        listener.onEvent(new SessionEvent.MulticastJoined(System.currentTimeMillis(), membership.group(),
                membership.interfaceName()));
    }

    private void fail(FailureKind kind, String detail) {
        listener.onEvent(new SessionEvent.Failure(System.currentTimeMillis(), kind, null, detail));
    }
}
