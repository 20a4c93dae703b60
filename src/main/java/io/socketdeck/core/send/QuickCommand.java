package io.socketdeck.core.send;

import io.socketdeck.core.codec.SupportedCharsets;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A named message in the quick-send list, with its own encoding and switches.
 *
 * @param name        what the button shows
 * @param payload     the text or hex as typed
 * @param hex         {@code payload} is hex
 * @param charsetName an encoding of {@link SupportedCharsets}; anything else is sent as UTF-8
 * @param escapes     backslash escapes are resolved in text
 * @param lineEnding  appended last
 * @param checksum    appended after the payload
 */
public record QuickCommand(String name, String payload, boolean hex, String charsetName, boolean escapes,
                           LineEnding lineEnding, Checksum checksum) {

    public QuickCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payload, "payload");
        charsetName = charsetName == null || charsetName.isBlank() ? StandardCharsets.UTF_8.name() : charsetName;
        lineEnding = lineEnding == null ? LineEnding.NONE : lineEnding;
        checksum = checksum == null ? Checksum.NONE : checksum;
    }

    /** A text command in UTF-8 with nothing appended. */
    public static QuickCommand text(String name, String payload) {
        return new QuickCommand(name, payload, false, StandardCharsets.UTF_8.name(), false, LineEnding.NONE, Checksum.NONE);
    }

    /** A hex command with nothing appended. */
    public static QuickCommand hex(String name, String payload) {
        return new QuickCommand(name, payload, true, StandardCharsets.UTF_8.name(), false, LineEnding.NONE, Checksum.NONE);
    }

    public PayloadOptions options() {
        return new PayloadOptions(hex, SupportedCharsets.byName(charsetName), escapes, lineEnding, checksum);
    }

    /** The bytes this command sends. */
    public byte[] toBytes() throws PayloadException {
        return Payloads.build(payload, options());
    }

    public QuickCommand withName(String value) {
        return new QuickCommand(value, payload, hex, charsetName, escapes, lineEnding, checksum);
    }

    public QuickCommand withPayload(String value) {
        return new QuickCommand(name, value, hex, charsetName, escapes, lineEnding, checksum);
    }
}
