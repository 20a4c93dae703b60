package io.socketdeck.ui.send;

import io.socketdeck.core.session.SendTarget;
import java.util.function.Supplier;

/**
 * Where a tab's Send goes right now, or why there is nowhere to send: the connection, the
 * selected clients, the datagram's remote. Each tab decides; the send tools only ask.
 *
 * @param target  the target, or null
 * @param problem when {@code target} is null, the reason's wording: kept as words, not as a
 *                sentence, so a message shown is said again after a language switch; null when a
 *                field already shows what is wrong
 */
public record SendTargetChoice(SendTarget target, Supplier<String> problem) {

    public static SendTargetChoice of(SendTarget target) {
        return new SendTargetChoice(target, null);
    }

    public static SendTargetChoice none(Supplier<String> problem) {
        return new SendTargetChoice(null, problem);
    }

    public boolean available() {
        return target != null;
    }
}
