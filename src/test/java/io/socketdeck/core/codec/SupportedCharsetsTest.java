package io.socketdeck.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupportedCharsetsTest {

    @Test
    void offersTheEncodingsInUiOrder() {
        List<String> names = SupportedCharsets.all().stream().map(Charset::name).toList();
        assertEquals(List.of("UTF-8", "GBK", "GB18030", "Big5", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "US-ASCII"),
                names);
    }

    @Test
    void listCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> SupportedCharsets.all().add(StandardCharsets.UTF_8));
    }

    @Test
    void findsOfferedCharsetsByNameOrAliasIgnoringCase() {
        assertEquals(Charset.forName("GBK"), SupportedCharsets.byName("gbk"));
        assertEquals(Charset.forName("GB18030"), SupportedCharsets.byName(" GB18030 "));
        assertEquals(Charset.forName("Big5"), SupportedCharsets.byName("BIG5"));
        assertEquals(StandardCharsets.UTF_16LE, SupportedCharsets.byName("utf-16le"));
        assertEquals(StandardCharsets.ISO_8859_1, SupportedCharsets.byName("latin1"));
        assertEquals(StandardCharsets.US_ASCII, SupportedCharsets.byName("US-ASCII"));
        assertEquals(StandardCharsets.UTF_8, SupportedCharsets.byName("utf8"));
    }

    @Test
    void unknownNamesFallBackToUtf8() {
        assertEquals(StandardCharsets.UTF_8, SupportedCharsets.byName("no-such-charset"));
        assertEquals(StandardCharsets.UTF_8, SupportedCharsets.byName(""));
        assertEquals(StandardCharsets.UTF_8, SupportedCharsets.byName(null));
        // Known to the JDK but not offered in the UI.
        assertEquals(StandardCharsets.UTF_8, SupportedCharsets.byName("windows-1252"));
    }
}
