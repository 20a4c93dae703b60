package io.socketdeck.core.udp;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.net.HostLookup;
import io.socketdeck.core.net.IpLiterals;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;

/**
 * Resolves targets to an address this socket can send to. A name with both an IPv4 and an IPv6
 * address ("localhost") gets the one of the socket's family instead of failing on the first. The
 * last answer is kept: people send to the same target again and again. Loop thread only.
 */
final class TargetResolver {

    private final InetSocketAddress local;
    private final boolean reachesIpv4;
    private final boolean reachesIpv6;
    private final HostLookup.NameService names;
    private UdpTarget lastTarget;
    private InetSocketAddress lastAddress;

    private TargetResolver(InetSocketAddress local, boolean reachesIpv4, boolean reachesIpv6,
                           HostLookup.NameService names) {
        this.local = local;
        this.reachesIpv4 = reachesIpv4;
        this.reachesIpv6 = reachesIpv6;
        this.names = names;
    }

    /**
     * An IPv4 socket reaches IPv4 only; an IPv6 socket on the wildcard is dual-stack and reaches
     * both (IPv4 through mapped addresses); one bound to a given IPv6 address reaches IPv6 only.
     */
    static TargetResolver forLocal(InetSocketAddress local, HostLookup.NameService names) {
        InetAddress address = local.getAddress();
        if (address instanceof Inet4Address) {
            return new TargetResolver(local, true, false, names);
        }
        return new TargetResolver(local, address.isAnyLocalAddress(), true, names);
    }

    InetSocketAddress resolve(UdpTarget target) throws UnknownHostException, AddressFamilyException {
        if (target.equals(lastTarget)) {
            return lastAddress;
        }
        // A literal is read as it is; a name is looked up, and this thread waits for it: rare, and
        // cached by the JDK.
        InetAddress literal = IpLiterals.parse(target.host()).orElse(null);
        InetAddress[] candidates;
        try {
            candidates = literal != null ? new InetAddress[] {literal} : names.lookUpAll(target.host()).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw e;
        }
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
