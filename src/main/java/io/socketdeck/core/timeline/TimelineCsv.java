package io.socketdeck.core.timeline;

import io.socketdeck.core.log.LogExport;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;

/**
 * The timeline as CSV, one row per event and one per busy second, in time order:
 * {@code time,event,peer,detail,bytes}. Times are local with their offset and milliseconds, as
 * in the log's CSV; kinds are the untranslated names ({@code CONNECTED}, {@code TRAFFIC}), so a
 * spreadsheet made from an English and a Chinese window match.
 */
public final class TimelineCsv {

    public static final String HEADER = "time,event,peer,detail,bytes";
    public static final String TRAFFIC = "TRAFFIC";

    private static final DateTimeFormatter ISO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault());

    private TimelineCsv() {
    }

    public static void write(ConnectionTimeline.Snapshot snapshot, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        Iterator<TimelineEvent> events = snapshot.events().iterator();
        Iterator<ConnectionTimeline.TrafficSecond> seconds = snapshot.traffic().iterator();
        TimelineEvent event = events.hasNext() ? events.next() : null;
        ConnectionTimeline.TrafficSecond second = seconds.hasNext() ? seconds.next() : null;
        while (event != null || second != null) {
            if (second == null || event != null && event.timeMillis() <= second.second() * 1000) {
                out.write(ISO_TIME.format(java.time.Instant.ofEpochMilli(event.timeMillis())) + ',' + event.kind().name()
                        + ',' + LogExport.csv(event.peer()) + ',' + LogExport.csv(event.detail()) + ",\n");
                event = events.hasNext() ? events.next() : null;
            } else {
                out.write(ISO_TIME.format(java.time.Instant.ofEpochSecond(second.second())) + ',' + TRAFFIC + ",,,"
                        + second.bytes() + '\n');
                second = seconds.hasNext() ? seconds.next() : null;
            }
        }
    }
}
