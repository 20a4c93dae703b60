package io.socketdeck.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteSearchTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void findsExactAndCaseFoldedMatches() {
        assertEquals(4, ByteSearch.indexOf(ascii("abc STATUS=OK"), ascii("STATUS"), false));
        assertEquals(-1, ByteSearch.indexOf(ascii("abc status=ok"), ascii("STATUS"), false));
        assertEquals(4, ByteSearch.indexOf(ascii("abc status=ok"), ascii("STATUS"), true));
        assertEquals(0, ByteSearch.indexOf(ascii("x"), new byte[0], false));
        assertEquals(-1, ByteSearch.indexOf(ascii("ab"), ascii("abc"), true));
        assertEquals(2, ByteSearch.indexOf(ascii("aaab"), ascii("ab"), false), "restarts after a partial match");
    }

    @Test
    void findsBinaryAndEncodedText() {
        byte[] frame = {(byte) 0xAA, 0x55, 0x01, 0x03, 0x00, 0x10};
        assertEquals(2, ByteSearch.indexOf(frame, new byte[] {0x01, 0x03}, false));
        Charset gbk = Charset.forName("GBK");
        byte[] text = "温度=23 状态=正常".getBytes(gbk);
        assertEquals(text.length - "正常".getBytes(gbk).length, ByteSearch.indexOf(text, "正常".getBytes(gbk), true));
    }

    @Test
    void caseFoldingNeverTouchesNonAsciiBytes() {
        byte[] upperA = {(byte) 0xC1};
        byte[] lowerA = {(byte) 0xE1};
        assertEquals(-1, ByteSearch.indexOf(upperA, lowerA, true));
    }
}
