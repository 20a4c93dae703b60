package io.socketdeck.cli;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.framing.FramingText;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --framing}: how a TCP stream is cut into messages, written as the settings file writes
 * it ({@code delimiter 0D0A strip}, {@code fixed 16}, {@code idle 20},
 * {@code length 2 be 0 payload 65536}, {@code as-read}), with {@code line} and {@code crlf} as
 * short forms for lines ending in LF or CR LF, kept so an echo gives the line back whole.
 */
final class FramingConverter implements ITypeConverter<Framing> {

    static final String FORMS = "line, crlf, as-read, \"idle MS\", \"fixed N\", \"delimiter HEX keep|strip\","
            + " \"length 1|2|4 be|le OFFSET frame|payload MAX\"";

    @Override
    public Framing convert(String value) {
        Framing framing = switch (value.strip()) {
            case "line" -> new Framing.Delimiter(new byte[] {'\n'}, true);
            case "crlf" -> new Framing.Delimiter(new byte[] {'\r', '\n'}, true);
            default -> FramingText.parse(value);
        };
        if (framing == null) {
            throw new TypeConversionException("Unknown framing \u201c" + value + "\u201d: " + FORMS);
        }
        return framing;
    }
}
