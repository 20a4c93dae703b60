package io.socketdeck.core.capture;

import io.socketdeck.core.util.PrivateFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A buffered output that continues in {@code base.1}, {@code base.2}, ... when a file would pass
 * the size limit. Not thread-safe; the capture writer locks around it.
 */
final class RollingFile implements Closeable {

    private final Path base;
    private final long limit;
    private final ByteBuffer buffer;
    private final List<Path> files = new ArrayList<>();
    private FileChannel channel;
    private Path current;
    /** Bytes in the current file, counting what is still in the buffer. */
    private long currentSize;
    private long flushedTotal;

    /** Opens the first file, truncating it: a failure to create it is the caller's to show. */
    RollingFile(Path base, long limit, int bufferSize) throws IOException {
        this.base = base;
        this.limit = limit;
        this.buffer = ByteBuffer.allocateDirect(bufferSize);
        open(base);
    }

    /** Writes bytes that may be split across files at the limit (raw capture). */
    void writeSplittable(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (limit > 0 && currentSize == limit) {
                roll();
            }
            int room = limit > 0 ? (int) Math.min(length, limit - currentSize) : length;
            put(bytes, offset, room);
            offset += room;
            length -= room;
        }
    }

    /** Writes bytes that must stay in one file (a log line): rolls first if they would not fit. */
    void writeWhole(byte[] bytes) throws IOException {
        if (limit > 0 && currentSize > 0 && currentSize + bytes.length > limit) {
            roll();
        }
        put(bytes, 0, bytes.length);
    }

    /** Hands buffered bytes to the operating system. */
    void flush() throws IOException {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                flushedTotal += channel.write(buffer);
            }
        } finally {
            buffer.compact();
        }
    }

    /** The file being written now, or the next one when a roll-over could not create it. */
    Path current() {
        return current;
    }

    /** Every file opened so far, in order. */
    List<Path> files() {
        return List.copyOf(files);
    }

    /** Bytes handed to the operating system, over all files. */
    long flushedBytes() {
        return flushedTotal;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
        }
    }

    private void put(byte[] bytes, int offset, int length) throws IOException {
        currentSize += length;
        while (length > 0) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(length, buffer.remaining());
            buffer.put(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    private void roll() throws IOException {
        flush();
        channel.close();
        open(base.resolveSibling(base.getFileName() + "." + files.size()));
    }

    private void open(Path path) throws IOException {
        current = path; // before the open: a file that does not open is the one a failure names
        channel = PrivateFiles.openTruncated(path); // 0600: a capture is other people's traffic
        currentSize = 0;
        files.add(path);
    }
}
