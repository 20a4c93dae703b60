package io.socketdeck.ui.session;

import io.socketdeck.core.codec.HexFormatException;
import io.socketdeck.core.codec.HexParser;
import io.socketdeck.ui.i18n.I18n;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The send box: what the user typed, whether it is hex, and the message shown under it when it
 * cannot be sent. Turning text into bytes never loses a character silently: one the encoding
 * cannot represent is an error at the field, not a '?' on the wire.
 */
public final class SendModel {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty hex = new SimpleBooleanProperty(this, "hex");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    public SendModel() {
        text.addListener((obs, old, now) -> error.set(null));
        hex.addListener((obs, old, now) -> error.set(null));
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty hexProperty() {
        return hex;
    }

    /** The reason the last send attempt failed, localized, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void showError(String message) {
        error.set(message);
    }

    public void clearError() {
        error.set(null);
    }

    /** The bytes to send, or empty with {@link #errorProperty()} saying why. */
    public Optional<byte[]> encode(Charset charset) {
        String input = text.get() == null ? "" : text.get();
        byte[] bytes = hex.get() ? parseHex(input) : encodeText(input, charset);
        if (bytes != null && bytes.length == 0) {
            error.set(I18n.text("send.error.empty"));
            return Optional.empty();
        }
        if (bytes != null) {
            error.set(null);
        }
        return Optional.ofNullable(bytes);
    }

    private byte[] parseHex(String input) {
        try {
            return HexParser.parse(input);
        } catch (HexFormatException e) {
            String key = e.reason() == HexFormatException.Reason.ODD_DIGITS ? "send.error.hexOdd" : "send.error.hexChar";
            error.set(I18n.format(key, String.valueOf(e.position() + 1), e.offending()));
            return null;
        }
    }

    private byte[] encodeText(String input, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.wrap(input);
        try {
            ByteBuffer encoded = encoder.encode(chars);
            return Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (CharacterCodingException e) {
            int at = firstUnencodable(input, charset);
            String what = at < 0 ? "?" : new String(Character.toChars(input.codePointAt(at)));
            error.set(I18n.format("send.error.unmappable", what, String.valueOf(at + 1), charset.displayName()));
            return null;
        }
    }

    private static int firstUnencodable(String input, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        for (int i = 0; i < input.length(); i += Character.charCount(input.codePointAt(i))) {
            String one = new String(Character.toChars(input.codePointAt(i)));
            if (!encoder.canEncode(one)) {
                return i;
            }
        }
        return -1;
    }
}
