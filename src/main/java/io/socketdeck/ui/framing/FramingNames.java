package io.socketdeck.ui.framing;

import io.socketdeck.core.codec.EscapeText;
import io.socketdeck.core.framing.Framing;
import io.socketdeck.ui.common.I18n;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A framing in the user's language, short enough for a button: "Delimiter \r\n", "按长度字段 2 字节". */
public final class FramingNames {

    private FramingNames() {
    }

    public static String summary(Framing framing) {
        FramingKind kind = FramingKind.of(framing);
        String name = I18n.text(kind.key());
        if (framing instanceof Framing.Delimiter delimiter) {
            return name + " " + EscapeText.format(delimiter.delimiter(), StandardCharsets.UTF_8);
        } else if (framing instanceof Framing.FixedLength fixed) {
            return I18n.format("framing.summary.fixed", name, I18n.count(fixed.length()));
        } else if (framing instanceof Framing.LengthPrefix prefix) {
            return I18n.format("framing.summary.length", name, prefix.width(),
                    I18n.text(prefix.order() == ByteOrder.BIG_ENDIAN ? "framing.order.big" : "framing.order.little"));
        } else if (framing instanceof Framing.IdleGap gap) {
            return I18n.format("framing.summary.gap", name, I18n.count(gap.millis()));
        }
        return name;
    }
}
