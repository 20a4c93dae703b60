package io.socketdeck.core.tcp;

import io.socketdeck.core.io.FileRanges;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading back a file region the kernel sent, for its TX event. */
final class FileRegions {

    private static final Logger LOGGER = LoggerFactory.getLogger(FileRegions.class);

    private FileRegions() {
    }

    /**
     * The region's bytes as the file holds them now; fewer when the file became shorter, or could
     * not be read (logged), since they were sent.
     */
    static byte[] readBack(FileChannel file, long position, int length) {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        try {
            FileRanges.readFully(file, position, bytes);
        } catch (IOException e) {
            LOGGER.debug("reading back a sent file region failed; its TX row shows what was read", e);
        }
        return bytes.hasRemaining() ? Arrays.copyOf(bytes.array(), bytes.position()) : bytes.array();
    }
}
