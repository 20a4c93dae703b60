package io.socketdeck.cli.script;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a connection received, as bytes and as text, consumed from either side. */
class ReceivedStreamTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void consumingTextConsumesItsBytesAndTheOtherWayRound() {
        ReceivedStream stream = new ReceivedStream(StandardCharsets.UTF_8);
        stream.append("TOKEN=abc\nVALUE=42\n".getBytes(StandardCharsets.UTF_8));
        stream.consumeChars(10);
        assertAll(() -> assertEquals("VALUE=42\n", stream.text()),
                () -> assertArrayEquals("VALUE=42\n".getBytes(StandardCharsets.US_ASCII), stream.bytes()));
        stream.consumeBytes(6);
        assertAll(() -> assertEquals("42\n", stream.text()), () -> assertEquals(3, stream.byteCount()));
    }

    @Test
    void aCharacterSplitBetweenReadsIsOneCharacterAndMapsToAllItsBytes() {
        byte[] gbk = "温度=25\n".getBytes(GBK);
        ReceivedStream stream = new ReceivedStream(GBK);
        stream.append(Arrays.copyOfRange(gbk, 0, 1));
        assertEquals("", stream.text(), "half a character is no text yet");
        stream.append(Arrays.copyOfRange(gbk, 1, 3));
        stream.append(Arrays.copyOfRange(gbk, 3, gbk.length));
        assertEquals("温度=25\n", stream.text());
        stream.consumeChars(2);
        assertArrayEquals("=25\n".getBytes(GBK), stream.bytes(), "two characters were four bytes");
    }

    @Test
    void utf8SplitInsideACharacterAndBytesConsumedHalfwayThroughOne() {
        byte[] utf8 = "é中x".getBytes(StandardCharsets.UTF_8); // 2 + 3 + 1 bytes
        ReceivedStream stream = new ReceivedStream(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            stream.append(new byte[] {b});
        }
        assertEquals("é中x", stream.text());
        stream.consumeBytes(3); // é and the first byte of 中
        assertAll(() -> assertEquals("中x", stream.text(), "a character is consumed once all its bytes are"),
                () -> assertEquals(3, stream.byteCount()));
        stream.consumeChars(1);
        assertAll(() -> assertEquals("x", stream.text()), () -> assertEquals(1, stream.byteCount()));
    }

    @Test
    void aDatagramThatEndsInsideACharacterShowsAReplacementAndTheNextStartsClean() {
        byte[] chinese = "中".getBytes(StandardCharsets.UTF_8);
        ReceivedStream stream = new ReceivedStream(StandardCharsets.UTF_8);
        stream.appendMessage(Arrays.copyOfRange(chinese, 0, 2));
        stream.appendMessage("ok".getBytes(StandardCharsets.UTF_8));
        assertEquals("\uFFFDok", stream.text());
        stream.consumeChars(1);
        assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), stream.bytes());
    }

    @Test
    void aLongStreamCompactsAndKeepsBothViewsInStep() {
        ReceivedStream stream = new ReceivedStream(StandardCharsets.UTF_8);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            String line = "line " + i + " 中\n";
            stream.append(line.getBytes(StandardCharsets.UTF_8));
            expected.append(line);
            if (i % 3 == 0) {
                int cut = stream.text().indexOf('\n') + 1;
                stream.consumeChars(cut);
                expected.delete(0, cut);
            }
        }
        assertEquals(expected.toString(), stream.text());
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), stream.bytes());
    }

    @Test
    void atMostAMegabyteWaitsUnconsumedTheOldestGoesFirst() {
        ReceivedStream stream = new ReceivedStream(StandardCharsets.ISO_8859_1);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        for (int i = 0; i < 20; i++) {
            stream.append(chunk);
        }
        stream.append("END".getBytes(StandardCharsets.US_ASCII));
        assertAll(() -> assertEquals(ReceivedStream.MAX_KEPT, stream.byteCount()),
                () -> assertEquals(ReceivedStream.MAX_KEPT, stream.text().length()),
                () -> assertEquals(20L * chunk.length + 3 - ReceivedStream.MAX_KEPT, stream.dropped()),
                () -> assertEquals("END", stream.text().substring(stream.text().length() - 3)));
    }
}
