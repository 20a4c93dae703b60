package io.socketdeck.core.tls;

import io.socketdeck.core.net.IpLiterals;
import io.socketdeck.core.session.PeerCertificate;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;

/**
 * Whether a certificate is for the name the user connected to (RFC 6125): an IP address must be
 * one of its IP addresses; a host name one of its DNS names, where {@code *.example.com} covers
 * exactly one label. Only a certificate with no DNS name at all is matched by its common name,
 * as {@code openssl s_client -verify_hostname} does.
 */
final class HostnameMatch {

    private HostnameMatch() {
    }

    static boolean matches(String expected, PeerCertificate certificate) {
        String name = stripBrackets(expected.trim());
        if (IpLiterals.isLiteral(name)) {
            InetAddress wanted = IpLiterals.parse(name).orElseThrow();
            return certificate.names().stream()
                    .anyMatch(alternative -> IpLiterals.parse(alternative).map(wanted::equals).orElse(false));
        }
        List<String> dnsNames = certificate.names().stream().filter(n -> !IpLiterals.isLiteral(n)).toList();
        if (dnsNames.isEmpty()) {
            return matchesDns(name, certificate.commonName());
        }
        return dnsNames.stream().anyMatch(pattern -> matchesDns(name, pattern));
    }

    private static boolean matchesDns(String host, String pattern) {
        String h = trimDot(host.toLowerCase(Locale.ROOT));
        String p = trimDot(pattern.toLowerCase(Locale.ROOT));
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            // The wildcard is one whole label, never a partial one, never a public suffix alone.
            return dot > 0 && p.indexOf('.', 2) > 0 && h.substring(dot).equals(p.substring(1));
        }
        return h.equals(p);
    }

    private static String trimDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String stripBrackets(String name) {
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }
}
