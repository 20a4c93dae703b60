package io.socketdeck.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reading a stretch of a file by position, leaving the channel's own position alone. */
public final class FileRanges {

    private FileRanges() {
    }

    /**
     * Fills {@code into} with the file's bytes from {@code position} until it is full or the file
     * ends.
     *
     * @return false when the file ended first ({@code into} then holds what there was)
     */
    public static boolean readFully(FileChannel file, long position, ByteBuffer into) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int read = file.read(into, at);
            if (read < 0) {
                return false;
            }
            at += read;
        }
        return true;
    }
}
