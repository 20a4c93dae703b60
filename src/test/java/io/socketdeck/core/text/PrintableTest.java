package io.socketdeck.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void plainTextIsReturnedAsIs() {
        String text = "hello 你好\tworld C:\\temp";
        assertSame(text, Printable.of(text));
    }

    @Test
    void lineEndingsStayVisibleAndLineFeedsBreakTheLine() {
        assertEquals("ok\\r\\n", Printable.of("ok\r\n"), "no empty line after a trailing CR LF");
        assertEquals("a\\n\nb\\r\\n\nc", Printable.of("a\nb\r\nc"));
        assertEquals("a\\rb", Printable.of("a\rb"), "a bare CR does not break the line");
    }

    @Test
    void otherControlCharactersBecomeEscapes() {
        assertEquals("\\0\\x01\\x1B\\x7F", Printable.of("\0\u0001\u001B\u007F"));
        assertEquals("", Printable.of(null));
    }
}
