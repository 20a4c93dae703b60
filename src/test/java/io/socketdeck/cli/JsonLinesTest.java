package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void aWholeSecondKeepsItsMillisecondsSoEveryTimeHasOneWidth() {
        long wholeSecond = Instant.parse("2026-12-02T20:15:28Z").toEpochMilli();
        assertEquals("2026-12-02T20:15:28.000Z", JsonLines.time(wholeSecond));
        assertEquals("2026-12-02T20:15:28.007Z", JsonLines.time(wholeSecond + 7));
    }

    @Test
    void fieldsKeepTheirOrder() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", JsonLines.time(0));
        fields.put("event", "pass");
        fields.put("ms", 1.5);
        assertEquals("{\"time\":\"1970-01-01T00:00:00.000Z\",\"event\":\"pass\",\"ms\":1.5}", JsonLines.line(fields));
    }
}
