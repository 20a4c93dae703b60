package io.socketdeck.cli;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The command line's event lines, {@code HH:mm:ss.SSS EVENT fields...}, as tests look for them:
 * by event and the exact rest of the line, or by a regular expression for the rest.
 */
final class EventLines {

    private static final String CLOCK = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";

    private EventLines() {
    }

    /** {@code EVENT rest}, {@code rest} exactly. */
    static Predicate<String> line(String event, String rest) {
        return matching(event, Pattern.quote(rest));
    }

    /** {@code EVENT} followed by what {@code restRegex} matches. */
    static Predicate<String> matching(String event, String restRegex) {
        Pattern pattern = Pattern.compile(CLOCK + Pattern.quote(event) + " " + restRegex);
        return text -> pattern.matcher(text).matches();
    }

    /** Where the first line {@code wanted} accepts is among {@code lines}; -1 when none is. */
    static int indexOf(List<String> lines, Predicate<String> wanted) {
        for (int i = 0; i < lines.size(); i++) {
            if (wanted.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The port of a {@code listening 127.0.0.1:PORT} line. */
    static int listeningPort(String line) {
        return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).strip());
    }
}
