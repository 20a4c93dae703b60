package io.socketdeck.core.framing;

import java.util.Arrays;

/** Each read is a frame. */
final class AsReadFramer implements Framer {

    @Override
    public void feed(byte[] bytes, int offset, int length, Sink sink) {
        if (length > 0) {
            sink.frame(Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }

    @Override
    public byte[] flush() {
        return null;
    }

    @Override
    public int held() {
        return 0;
    }
}
