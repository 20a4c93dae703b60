package io.socketdeck.cli;

import io.socketdeck.core.send.Checksum;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** "crc16-modbus", "CRC-16/MODBUS" or "CRC16_MODBUS": a checksum's name as a user would type it. */
public final class ChecksumConverter implements ITypeConverter<Checksum> {

    @Override
    public Checksum convert(String value) {
        String wanted = normalize(value);
        for (Checksum checksum : Checksum.values()) {
            if (normalize(checksum.name()).equals(wanted) || normalize(checksum.toString()).equals(wanted)) {
                return checksum;
            }
        }
        throw new TypeConversionException("Unknown checksum \u201c" + value
                + "\u201d: none, sum8, xor8, crc8, crc16-modbus, crc16-ccitt-false, crc32");
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
