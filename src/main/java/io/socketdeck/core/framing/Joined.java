package io.socketdeck.core.framing;

/**
 * The held bytes followed by the bytes of a read, seen as one run without copying them together:
 * a frame that began in an earlier read is cut from both at once.
 */
final class Joined {

    private final HeldBytes held;
    private final byte[] read;
    private final int readStart;

    Joined(HeldBytes held, byte[] read, int readStart) {
        this.held = held;
        this.read = read;
        this.readStart = readStart;
    }

    byte get(int index) {
        int inHeld = held.size();
        return index < inHeld ? held.get(index) : read[readStart + index - inHeld];
    }

    /** The first {@code length} bytes of the run as one array. */
    byte[] copy(int length) {
        byte[] out = new byte[length];
        int fromHeld = Math.min(length, held.size());
        for (int i = 0; i < fromHeld; i++) {
            out[i] = held.get(i);
        }
        System.arraycopy(read, readStart, out, fromHeld, length - fromHeld);
        return out;
    }
}
