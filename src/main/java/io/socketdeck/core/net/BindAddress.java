package io.socketdeck.core.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A local address to listen or bind on, with what it is so the UI can label it.
 *
 * @param kind          wildcard, loopback or one interface's address
 * @param address       the IP address
 * @param interfaceName the interface it belongs to, or "" for wildcards
 */
public record BindAddress(Kind kind, InetAddress address, String interfaceName) {

    /** What sort of local address this is. */
    public enum Kind {
        ANY_IPV4, ANY_IPV6, LOOPBACK, INTERFACE, TYPED
    }

    /** What is wrong with a typed bind address. */
    public enum Problem {
        EMPTY, NOT_AN_IP_ADDRESS
    }

    /** Either a bind address or the problem with the input. */
    public record Parsed(BindAddress address, Problem problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    public BindAddress {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        interfaceName = interfaceName == null ? "" : interfaceName;
    }

    /** The address as typed: {@code 0.0.0.0}, {@code ::}, {@code fe80::1%eth0}. */
    public String literal() {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address) {
            return Addresses.compressIpv6(text);
        }
        return text;
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    /**
     * Reads a typed address. Only IP literals in ASCII ({@link IpLiterals}): a bind address is one
     * of this machine's, and reading it must never become a name lookup, which would block the UI
     * thread and hide mistakes ("१२७.०.०.१" is not 127.0.0.1 here, it is a typo).
     */
    public static Parsed parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return new Parsed(null, Problem.EMPTY);
        }
        return IpLiterals.parse(trimmed)
                .map(address -> new Parsed(new BindAddress(kindOf(address), address, ""), null))
                .orElseGet(() -> new Parsed(null, Problem.NOT_AN_IP_ADDRESS));
    }

    private static Kind kindOf(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return address instanceof Inet6Address ? Kind.ANY_IPV6 : Kind.ANY_IPV4;
        }
        return address.isLoopbackAddress() ? Kind.LOOPBACK : Kind.TYPED;
    }
}
