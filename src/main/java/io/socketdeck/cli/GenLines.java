package io.socketdeck.cli;

import io.socketdeck.core.net.Addresses;
import java.net.InetSocketAddress;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lines {@code socketdeck gen} prints: {@code HH:mm:ss.SSS event key=value ...} for a person
 * and grep, or with {@code --json} the same as one JSON object per line ({@code "time"} an
 * ISO-8601 instant, {@code "event"}, then the fields). Times in summaries are microseconds.
 */
final class GenLines {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final boolean json;

    GenLines(boolean json) {
        this.json = json;
    }

    String connected(InetSocketAddress peer, InetSocketAddress local, int connections) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("peer", Addresses.format(peer));
        if (local != null) {
            fields.put("local", Addresses.format(local));
        }
        if (connections > 0) {
            fields.put("connections", connections);
        }
        return line("connected", fields);
    }

    String progress(long sent, double rate, long replies) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sent", sent);
        fields.put("rate", Math.round(rate));
        if (replies >= 0) {
            fields.put("replies", replies);
        }
        return line("progress", fields);
    }

    String summary(GenSettings settings, GenSummary summary) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (json) { // a collector of many hosts' lines wants to know what each ran
            fields.put("protocol", settings.tcp() ? "tcp" : "udp");
            fields.put("peer", Addresses.format(settings.peer()));
            fields.put("connections", settings.connections());
        }
        fields.put("messages", summary.messages());
        fields.put("bytes", summary.bytes());
        fields.put("seconds", round(summary.seconds(), 3));
        fields.put("rate", Math.round(summary.rate()));
        fields.put("mb_s", round(summary.megabytesPerSecond(), 3));
        fields.put("errors", summary.errors());
        if (summary.roundTrips() != null) {
            fields.put("replies", summary.replies());
            fields.put("rtt_p50_us", micros(summary.roundTrips().p50Nanos()));
            fields.put("rtt_p99_us", micros(summary.roundTrips().p99Nanos()));
            fields.put("rtt_max_us", micros(summary.roundTrips().maxNanos()));
        }
        if (summary.interrupted()) {
            fields.put("interrupted", true);
        }
        return line("summary", fields);
    }

    private String line(String event, Map<String, Object> fields) {
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("time", JsonLines.time(System.currentTimeMillis()));
            object.put("event", event);
            object.putAll(fields);
            return JsonLines.line(object);
        }
        StringBuilder text = new StringBuilder(LocalTime.now().format(CLOCK)).append(' ').append(event);
        fields.forEach((name, value) -> {
            text.append(' ');
            if (name.equals("peer")) {
                text.append(value); // the peer stands alone, as in every command's lines
            } else if (value instanceof Boolean) {
                text.append(name);
            } else {
                text.append(name).append('=')
                        .append(value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : value)
                        .append(name.equals("rate") ? "/s" : "");
            }
        });
        return text.toString();
    }

    private static long micros(long nanos) {
        return Math.round(nanos / 1e3);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
