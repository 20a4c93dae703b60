package io.socketdeck.core.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads IP address literals without ever asking a name service: ASCII digits and hex digits only,
 * the address built from its bytes. {@code InetAddress.getByName} is no such reader: it accepts
 * digits of other scripts, and text that is not a literal ("1:2") silently becomes a name lookup,
 * which on the UI thread freezes the window for as long as the resolver takes.
 *
 * <p>Accepts dotted IPv4 ({@code 192.0.2.7}, each part 0..255, at most three digits) and IPv6 in
 * every RFC 4291 form ({@code ::}, {@code fe80::1}, {@code ::ffff:192.0.2.7}) with an optional
 * {@code %zone} (a number or an interface name). An IPv4-mapped IPv6 address without a zone reads
 * as the IPv4 address, as the JDK does.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** The address written as {@code text} (no brackets, no spaces), or empty when it is not a literal. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        try {
            if (text.indexOf(':') < 0) {
                byte[] ipv4 = ipv4(text);
                return ipv4 == null ? Optional.empty() : Optional.of(InetAddress.getByAddress(ipv4));
            }
            return ipv6(text);
        } catch (UnknownHostException e) {
            return Optional.empty(); // only thrown for a wrong array length, which cannot happen here
        }
    }

    /** True for an IPv4 or IPv6 literal. */
    public static boolean isLiteral(String text) {
        return parse(text).isPresent();
    }

    /** The four bytes of a dotted IPv4 literal, or null. */
    static byte[] ipv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (value < 0 || part == 4) {
                    return null;
                }
                bytes[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? bytes : null;
    }

    private static Optional<InetAddress> ipv6(String text) throws UnknownHostException {
        String zone = null;
        int percent = text.indexOf('%');
        String body = text;
        if (percent >= 0) {
            zone = text.substring(percent + 1);
            body = text.substring(0, percent);
            if (zone.isEmpty() || !zone.chars().allMatch(IpLiterals::isZoneChar)) {
                return Optional.empty();
            }
        }
        byte[] bytes = ipv6Bytes(body);
        if (bytes == null) {
            return Optional.empty();
        }
        if (zone == null) {
            return Optional.of(InetAddress.getByAddress(bytes)); // an IPv4-mapped address becomes IPv4
        }
        if (zone.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (zone.length() > 9) {
                return Optional.empty();
            }
            return Optional.of(Inet6Address.getByAddress(null, bytes, Integer.parseInt(zone)));
        }
        try {
            NetworkInterface nic = NetworkInterface.getByName(zone); // local interfaces, no name service
            return nic == null ? Optional.empty() : Optional.of(Inet6Address.getByAddress(null, bytes, nic));
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    /** The sixteen bytes of an IPv6 literal without zone, or null. */
    static byte[] ipv6Bytes(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return null; // "::" at most once
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head, doubleColon < 0 ? text : null);
        int[] tailGroups = groups(tail, doubleColon >= 0 ? tail : null);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (doubleColon < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            bytes[2 * i] = (byte) (headGroups[i] >> 8);
            bytes[2 * i + 1] = (byte) headGroups[i];
        }
        int offset = 8 - tailGroups.length;
        for (int i = 0; i < tailGroups.length; i++) {
            bytes[2 * (offset + i)] = (byte) (tailGroups[i] >> 8);
            bytes[2 * (offset + i) + 1] = (byte) tailGroups[i];
        }
        return bytes;
    }

    /**
     * The 16-bit groups of a colon-separated run ("" gives none); a dotted IPv4 tail counts as two
     * groups and is allowed only at the very end of the address ({@code last} is that run).
     */
    private static int[] groups(String run, String last) {
        if (run.isEmpty()) {
            return new int[0];
        }
        String[] parts = run.split(":", -1);
        int count = parts.length;
        boolean dottedTail = parts[count - 1].indexOf('.') >= 0;
        if (dottedTail && last == null) {
            return null;
        }
        int[] groups = new int[dottedTail ? count + 1 : count];
        for (int i = 0; i < count; i++) {
            String part = parts[i];
            if (i == count - 1 && dottedTail) {
                byte[] ipv4 = ipv4(part);
                if (ipv4 == null) {
                    return null;
                }
                groups[i] = (ipv4[0] & 0xFF) << 8 | ipv4[1] & 0xFF;
                groups[i + 1] = (ipv4[2] & 0xFF) << 8 | ipv4[3] & 0xFF;
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                int digit = hexDigit(part.charAt(j));
                if (digit < 0) {
                    return null;
                }
                value = value << 4 | digit;
            }
            groups[i] = value;
        }
        return groups;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isZoneChar(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '-'
                || c == '_';
    }
}
