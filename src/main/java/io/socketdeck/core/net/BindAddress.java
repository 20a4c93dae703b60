package io.socketdeck.core.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A local address to listen or bind on, with what it is so the UI can label it.
 *
 * @param kind          wildcard, loopback or one interface's address
 * @param address       the IP address
 * @param interfaceName the interface it belongs to, or "" for wildcards
 */
public record BindAddress(Kind kind, InetAddress address, String interfaceName) {

    private static final java.util.regex.Pattern IPV6_LITERAL =
            java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");

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
     * Reads a typed address. Only IP literals: a bind address is one of this machine's, and a
     * name lookup here would block the UI and hide mistakes.
     */
    public static Parsed parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return new Parsed(null, Problem.EMPTY);
        }
        if (!looksLikeIpLiteral(trimmed)) {
            return new Parsed(null, Problem.NOT_AN_IP_ADDRESS);
        }
        try {
            // A literal never triggers a lookup; checked above so a name cannot slip through.
            InetAddress address = InetAddress.getByName(trimmed);
            Kind kind = address.isAnyLocalAddress() ? (address instanceof Inet6Address ? Kind.ANY_IPV6 : Kind.ANY_IPV4)
                    : address.isLoopbackAddress() ? Kind.LOOPBACK : Kind.TYPED;
            return new Parsed(new BindAddress(kind, address, ""), null);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return new Parsed(null, Problem.NOT_AN_IP_ADDRESS);
        }
    }

    private static boolean looksLikeIpLiteral(String text) {
        if (text.indexOf(':') >= 0) {
            return IPV6_LITERAL.matcher(text).matches(); // hex groups, optional dotted tail and %zone
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
