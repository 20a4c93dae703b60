package io.socketdeck.core.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Formats socket addresses the way users type them: {@code 127.0.0.1:80}, {@code [::1]:80}. */
public final class Addresses {

    private Addresses() {
    }

    public static String format(InetSocketAddress address) {
        if (address == null) {
            return "";
        }
        if (UnixSockets.isUnix(address)) {
            return address.getHostString(); // unix:/path, see UnixSockets
        }
        InetAddress ip = address.getAddress();
        String host = ip == null ? address.getHostString() : ip.getHostAddress();
        if (ip instanceof Inet6Address) {
            int zone = host.indexOf('%');
            String bare = zone >= 0 && ((Inet6Address) ip).getScopeId() == 0 ? host.substring(0, zone) : host;
            return "[" + compressIpv6(bare) + "]:" + address.getPort();
        }
        return host + ":" + address.getPort();
    }

    /** An IP address the way users type it: {@code 239.1.2.3}, {@code ff02::1}. */
    public static String formatHost(InetAddress ip) {
        String host = ip.getHostAddress();
        return ip instanceof Inet6Address ? compressIpv6(host) : host;
    }

    /** The JDK prints {@code 0:0:0:0:0:0:0:1}; people read and type {@code ::1}. */
    static String compressIpv6(String full) {
        String zone = "";
        int percent = full.indexOf('%');
        String address = full;
        if (percent >= 0) {
            zone = full.substring(percent);
            address = full.substring(0, percent);
        }
        String[] groups = address.split(":", -1);
        if (groups.length != 8) {
            return full;
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < 8 && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength && j - i >= 2) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return address + zone;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, 8));
        return head + "::" + tail + zone;
    }
}
