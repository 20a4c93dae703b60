package io.socketdeck.core.udp;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.IpLiterals;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Picks the address of a target this socket can send to. A name with both an IPv4 and an IPv6
 * address ("localhost") gets the one of the socket's family instead of failing on the first. It
 * never looks a name up: a literal is read as it is, a name's addresses come from a lookup made
 * off the loop ({@link #choose}). The last answer is kept: people send to the same target again
 * and again. Loop thread only.
 */
final class TargetResolver {

    private final InetSocketAddress local;
    private final boolean reachesIpv4;
    private final boolean reachesIpv6;
    private UdpTarget lastTarget;
    private InetSocketAddress lastAddress;

    private TargetResolver(InetSocketAddress local, boolean reachesIpv4, boolean reachesIpv6) {
        this.local = local;
        this.reachesIpv4 = reachesIpv4;
        this.reachesIpv6 = reachesIpv6;
    }

    /**
     * An IPv4 socket reaches IPv4 only; an IPv6 socket on the wildcard is dual-stack and reaches
     * both (IPv4 through mapped addresses); one bound to a given IPv6 address reaches IPv6 only.
     */
    static TargetResolver forLocal(InetSocketAddress local) {
        InetAddress address = local.getAddress();
        if (address instanceof Inet4Address) {
            return new TargetResolver(local, true, false);
        }
        return new TargetResolver(local, address.isAnyLocalAddress(), true);
    }

    /** The address {@code target} writes as an IP literal (ASCII digits), or null for a name. */
    static InetAddress literal(UdpTarget target) {
        return IpLiterals.parse(target.host()).orElse(null);
    }

    /**
     * The address of {@code target} known without a lookup: the last answer again, or a literal's.
     * Null when its name must be looked up.
     */
    InetSocketAddress atOnce(UdpTarget target) throws AddressFamilyException {
        InetSocketAddress known = last(target);
        if (known != null) {
            return known;
        }
        InetAddress literal = literal(target);
        return literal == null ? null : choose(target, new InetAddress[] {literal});
    }

    /** The last answer, when {@code target} is the target it was for; else null. */
    InetSocketAddress last(UdpTarget target) {
        return target.equals(lastTarget) ? lastAddress : null;
    }

    /** The first of {@code candidates} (a lookup's answer, never empty) this socket reaches, kept as the last answer. */
    InetSocketAddress choose(UdpTarget target, InetAddress[] candidates) throws AddressFamilyException {
        for (InetAddress candidate : candidates) {
            if (reaches(candidate)) {
                lastTarget = target;
                lastAddress = new InetSocketAddress(candidate, target.port());
                return lastAddress;
            }
        }
        InetAddress first = candidates[0];
        throw new AddressFamilyException(new InetSocketAddress(first, target.port()),
                (first instanceof Inet6Address ? "an IPv6 address" : "an IPv4 address") + " from a socket on "
                        + Addresses.format(local));
    }

    boolean reaches(InetAddress address) {
        return address instanceof Inet4Address ? reachesIpv4 : reachesIpv6;
    }
}
