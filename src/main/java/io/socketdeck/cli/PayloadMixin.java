package io.socketdeck.cli;

import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.PayloadOptions;
import io.socketdeck.core.send.Payloads;
import io.socketdeck.core.text.InputErrors;
import java.nio.charset.Charset;
import picocli.CommandLine.Option;

/**
 * The send box's switches as options, shared by every command that sends: {@code --hex},
 * {@code --encoding}, {@code --escapes}, {@code --line-end}, {@code --checksum}. Payloads are
 * built by the window's {@link Payloads}, macros included, and refused with the window's words.
 */
public final class PayloadMixin {

    @Option(names = "--hex", description = "The data is hex bytes (\"48 65 6C\", \"48656C\").")
    boolean hex;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Text encoding of what is sent and shown, e.g. UTF-8, GBK (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--escapes", description = "Resolve backslash escapes: \\r \\n \\t \\\\ \\0 \\xNN \\uNNNN.")
    boolean escapes;

    @Option(names = "--line-end", paramLabel = "END", defaultValue = "none",
            description = "Appended to each message: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    LineEnding lineEnd;

    @Option(names = "--checksum", paramLabel = "NAME", defaultValue = "none", converter = ChecksumConverter.class,
            description = "Appended before the line end: none, sum8, xor8, crc8, crc16-modbus, crc16-ccitt-false, crc32.")
    Checksum checksum;

    /**
     * The charset named by {@code --encoding}, any Java knows (received text is decoded in it); a
     * name Java does not know is a usage error.
     */
    public Charset charset() {
        return Encodings.lookup(encoding).orElseThrow(() -> new CliFailure(ExitCode.USAGE, Encodings.unknown(encoding)));
    }

    /**
     * How payloads are built. Text is encoded in {@code --encoding}: one Java can only decode is a
     * usage error here, before anything is sent (hex needs no encoder).
     */
    public PayloadOptions options() {
        Charset charset = charset();
        String cannotSend = hex ? null : Encodings.cannotSend(charset);
        if (cannotSend != null) {
            throw new CliFailure(ExitCode.USAGE, "--encoding " + cannotSend);
        }
        return new PayloadOptions(hex, charset, escapes, lineEnd, checksum);
    }

    /** {@code text} as bytes; bad hex, escapes or macros end the command with exit status 2. */
    public byte[] build(String text, MacroValues values) {
        try {
            return Payloads.build(text, options(), values);
        } catch (PayloadException e) {
            throw new CliFailure(ExitCode.USAGE, InputErrors.payload(e));
        }
    }
}
