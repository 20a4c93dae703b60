package io.socketdeck.core.framing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what a framer hands over, in order, for a test to compare with what was sent. */
final class Recorder implements Framer.Sink {

    /** One {@link Framer.Sink#oversized} call. */
    record Oversized(long announced, byte[] held) {
    }

    private final List<byte[]> frames = new ArrayList<>();
    private final List<Oversized> oversized = new ArrayList<>();
    private final ByteArrayOutputStream handedOver = new ByteArrayOutputStream();

    @Override
    public void frame(byte[] frame) {
        frames.add(frame);
        handedOver.writeBytes(frame);
    }

    @Override
    public void oversized(long announced, byte[] held) {
        oversized.add(new Oversized(announced, held));
        handedOver.writeBytes(held);
    }

    List<byte[]> frames() {
        return frames;
    }

    /** The frames as ISO-8859-1 text: one char per byte, so assertions read like the wire. */
    List<String> texts() {
        return frames.stream().map(frame -> new String(frame, ISO_8859_1)).toList();
    }

    List<Oversized> oversized() {
        return oversized;
    }

    /** Every byte handed over so far, frames and oversized bytes alike, followed by {@code flushed} (may be null). */
    byte[] handedOverThen(byte[] flushed) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(handedOver.toByteArray());
        if (flushed != null) {
            all.writeBytes(flushed);
        }
        return all.toByteArray();
    }
}
