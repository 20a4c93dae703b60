package io.socketdeck.core.net;

import java.net.InetAddress;

/**
 * Checks a typed multicast group: an IPv4 address in 224.0.0.0/4 or an IPv6 address in ff00::/8.
 * Only literals, never a name: a group is an address people copy from a device's manual, and a
 * lookup here would block the UI.
 */
public final class MulticastGroupInput {

    /** What is wrong with a typed group. */
    public enum Problem {
        EMPTY,
        NOT_AN_IP_ADDRESS,
        NOT_MULTICAST
    }

    /** Either a group address or the problem with the input. */
    public record Result(InetAddress group, Problem problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    private MulticastGroupInput() {
    }

    public static Result parse(String text) {
        // BindAddress already reads IP literals (brackets, zones) without ever doing a lookup.
        BindAddress.Parsed literal = BindAddress.parse(text);
        if (!literal.valid()) {
            return new Result(null, literal.problem() == BindAddress.Problem.EMPTY ? Problem.EMPTY
                    : Problem.NOT_AN_IP_ADDRESS);
        }
        InetAddress address = literal.address().address();
        return address.isMulticastAddress() ? new Result(address, null) : new Result(null, Problem.NOT_MULTICAST);
    }
}
