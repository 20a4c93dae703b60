package io.socketdeck.core.tls;

import io.socketdeck.core.net.IpLiterals;
import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.core.tls.TlsInputException.Field;
import io.socketdeck.core.tls.TlsInputException.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the TLS settings a user types: versions, ALPN names, a server name, pinned fingerprints. */
public final class TlsInputs {

    /** The versions offered, newest first: what {@code openssl} 3 and the JDK both still speak. */
    public static final List<String> VERSIONS = List.of("TLSv1.3", "TLSv1.2");
    private static final Pattern LIST = Pattern.compile("[,\\s]+");
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    private TlsInputs() {
    }

    /** "TLSv1.3, TLSv1.2" (also "1.3", "tls1.2"), in the order given; at least one. */
    public static List<String> protocols(String typed) throws TlsInputException {
        Set<String> versions = new LinkedHashSet<>();
        for (String word : words(typed)) {
            String version = switch (word.toLowerCase(Locale.ROOT).replace("tlsv", "").replace("tls", "")) {
                case "1.3", "13" -> "TLSv1.3";
                case "1.2", "12" -> "TLSv1.2";
                default -> throw new TlsInputException(Field.PROTOCOLS, Problem.BAD_PROTOCOL, word, null);
            };
            versions.add(version);
        }
        if (versions.isEmpty()) {
            throw new TlsInputException(Field.PROTOCOLS, Problem.NO_PROTOCOL, "", null);
        }
        return List.copyOf(versions);
    }

    /** "h2, http/1.1": each 1 to 255 printable ASCII bytes; empty for no ALPN. */
    public static List<String> alpn(String typed) throws TlsInputException {
        List<String> names = new ArrayList<>();
        for (String word : typed == null ? new String[0] : typed.split(",")) {
            String name = word.trim();
            if (name.isEmpty()) {
                continue;
            }
            boolean printable = name.chars().allMatch(c -> c > 0x20 && c < 0x7f);
            if (!printable || name.getBytes(StandardCharsets.US_ASCII).length > 255) {
                throw new TlsInputException(Field.ALPN, Problem.BAD_ALPN, name, null);
            }
            names.add(name);
        }
        return names;
    }

    /** A DNS name or IP address to send as SNI and verify; null for none typed (the host is used). */
    public static String serverName(String typed) throws TlsInputException {
        String name = typed == null ? "" : typed.trim();
        if (name.isEmpty()) {
            return null;
        }
        if (!IpLiterals.isLiteral(name) && (name.length() > 253 || !HOST_NAME.matcher(name).matches())) {
            throw new TlsInputException(Field.SERVER_NAME, Problem.BAD_SERVER_NAME, name, null);
        }
        return name;
    }

    /** Pinned fingerprints, one per line or separated by commas; each written as {@code AB:CD:…}. */
    public static Set<String> pins(String typed) throws TlsInputException {
        Set<String> pins = new LinkedHashSet<>();
        for (String line : typed == null ? new String[0] : typed.split("[,;\\n]+")) {
            if (line.isBlank()) {
                continue;
            }
            String pin = PeerCertificate.normalizeFingerprint(line);
            if (pin == null) {
                throw new TlsInputException(Field.PIN, Problem.BAD_FINGERPRINT, line.trim(), null);
            }
            pins.add(pin);
        }
        return pins;
    }

    private static List<String> words(String typed) {
        List<String> words = new ArrayList<>();
        for (String word : LIST.split(typed == null ? "" : typed.trim())) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
