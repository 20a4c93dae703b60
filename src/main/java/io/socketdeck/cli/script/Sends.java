package io.socketdeck.cli.script;

import io.socketdeck.core.send.LineEnding;
import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.PayloadOptions;
import io.socketdeck.core.send.Payloads;
import java.nio.charset.Charset;
import java.util.Map;

/** A send step's bytes, built by the window's {@link Payloads}: variables first, then macros, escapes, checksum, line end. */
final class Sends {

    private Sends() {
    }

    /**
     * The step's switches, with the connection's encoding and line end where the step has none. A
     * connection's line end is for its text: a hex send is the bytes written, unless it names its own.
     */
    static PayloadOptions options(Step.Send send, Charset connectionCharset, LineEnding connectionLineEnd) {
        LineEnding lineEnd = send.lineEnd() != null ? send.lineEnd() : send.hex() ? LineEnding.NONE : connectionLineEnd;
        return new PayloadOptions(send.hex(), send.charset() != null ? send.charset() : connectionCharset,
                send.escapes(), lineEnd, send.checksum());
    }

    static byte[] build(Step.Send send, PayloadOptions options, Map<String, String> vars, MacroValues values)
            throws PayloadException {
        return Payloads.build(send.payload().resolve(vars, value -> literal(value, send.escapes())), options, values);
    }

    /**
     * A variable's value goes on the wire as it is: a captured "{{" is no macro, and with escapes on
     * a captured backslash is no escape.
     */
    static String literal(String value, boolean escapes) {
        String text = escapes ? value.replace("\\", "\\\\") : value;
        return text.replace("{{", "{{{{");
    }
}
