package io.socketdeck.core.send;

import java.util.zip.CRC32;

/**
 * Checksums devices expect at the end of a frame, computed over the payload bytes after encoding.
 * Each knows its width and the byte order it is appended in:
 *
 * <table>
 *   <caption>Parameters (Rocksoft model) and the published check value of "123456789"</caption>
 *   <tr><th>name</th><th>poly</th><th>init</th><th>reflected</th><th>check</th><th>appended</th></tr>
 *   <tr><td>SUM8</td><td colspan="4">sum of the bytes modulo 256</td><td>1 byte</td></tr>
 *   <tr><td>XOR8</td><td colspan="4">exclusive or of the bytes</td><td>1 byte</td></tr>
 *   <tr><td>CRC-8</td><td>0x07</td><td>0x00</td><td>no</td><td>0xF4</td><td>1 byte</td></tr>
 *   <tr><td>CRC-16/MODBUS</td><td>0x8005</td><td>0xFFFF</td><td>yes</td><td>0x4B37</td><td>low byte first</td></tr>
 *   <tr><td>CRC-16/CCITT-FALSE</td><td>0x1021</td><td>0xFFFF</td><td>no</td><td>0x29B1</td><td>high byte first</td></tr>
 *   <tr><td>CRC-32</td><td>0x04C11DB7</td><td>0xFFFFFFFF</td><td>yes</td><td>0xCBF43926</td><td>low byte first</td></tr>
 * </table>
 *
 * <p>CRC-32 goes low byte first because that is how the protocols that use this CRC carry it
 * (Ethernet's frame check sequence, zip, gzip) and how a little-endian microcontroller lays out a
 * {@code uint32_t} it copies into a frame; Modbus, the other reflected CRC here, does the same.
 * CCITT-FALSE is the non-reflected one and is conventionally sent high byte first (XMODEM-style).
 */
public enum Checksum {

    NONE("None", 0, false) {
        @Override
        public long compute(byte[] bytes, int offset, int length) {
            return 0;
        }
    },
    SUM8("SUM8", 1, false) {
        @Override
        public long compute(byte[] bytes, int offset, int length) {
            int sum = 0;
            for (int i = offset; i < offset + length; i++) {
                sum += bytes[i];
            }
            return sum & 0xFF;
        }
    },
    XOR8("XOR8", 1, false) {
        @Override
        public long compute(byte[] bytes, int offset, int length) {
            int xor = 0;
            for (int i = offset; i < offset + length; i++) {
                xor ^= bytes[i];
            }
            return xor & 0xFF;
        }
    },
    CRC8("CRC-8", 1, false) {
        @Override
        public long compute(byte[] bytes, int offset, int length) {
            int crc = 0;
            for (int i = offset; i < offset + length; i++) {
                crc ^= bytes[i] & 0xFF;
                for (int bit = 0; bit < 8; bit++) {
                    crc = (crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1;
                }
                crc &= 0xFF;
            }
            return crc;
        }
    },
    CRC16_MODBUS("CRC-16/MODBUS", 2, false) {
        @Override
        public long compute(byte[] bytes, int offset, int length) {
            int crc = 0xFFFF;
            for (int i = offset; i < offset + length; i++) {
                crc ^= bytes[i] & 0xFF;
                for (int bit = 0; bit < 8; bit++) {
                    crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1; // 0xA001 is 0x8005 reflected
                }
            }
            return crc;
        }
    },
    CRC16_CCITT_FALSE("CRC-16/CCITT-FALSE", 2, true) {
        @Override
        public long compute(byte[] bytes, int offset, int length) {
            int crc = 0xFFFF;
            for (int i = offset; i < offset + length; i++) {
                crc ^= (bytes[i] & 0xFF) << 8;
                for (int bit = 0; bit < 8; bit++) {
                    crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                }
                crc &= 0xFFFF;
            }
            return crc;
        }
    },
    CRC32("CRC-32", 4, false) {
        @Override
        public long compute(byte[] bytes, int offset, int length) {
            CRC32 crc = new CRC32();
            crc.update(bytes, offset, length);
            return crc.getValue();
        }
    };

    private final String displayName;
    private final int width;
    private final boolean highByteFirst;

    Checksum(String displayName, int width, boolean highByteFirst) {
        this.displayName = displayName;
        this.width = width;
        this.highByteFirst = highByteFirst;
    }

    /** The algorithm's usual name, e.g. "CRC-16/MODBUS"; the same in every language. */
    public String displayName() {
        return displayName;
    }

    /** Bytes appended: 0 for {@link #NONE}. */
    public int width() {
        return width;
    }

    /** True when the most significant byte is appended first. */
    public boolean highByteFirst() {
        return highByteFirst;
    }

    /** The checksum of {@code length} bytes from {@code offset}, as an unsigned value of {@link #width()} bytes. */
    public abstract long compute(byte[] bytes, int offset, int length);

    public long compute(byte[] bytes) {
        return compute(bytes, 0, bytes.length);
    }

    /** The checksum's bytes in the order they are appended. */
    public byte[] bytesOf(long value) {
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            int shift = 8 * (highByteFirst ? width - 1 - i : i);
            out[i] = (byte) (value >>> shift);
        }
        return out;
    }

    /** A new array: {@code payload} followed by its checksum; {@code payload} itself for {@link #NONE}. */
    public byte[] append(byte[] payload) {
        if (width == 0) {
            return payload;
        }
        byte[] out = new byte[payload.length + width];
        System.arraycopy(payload, 0, out, 0, payload.length);
        byte[] sum = bytesOf(compute(payload));
        System.arraycopy(sum, 0, out, payload.length, width);
        return out;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
