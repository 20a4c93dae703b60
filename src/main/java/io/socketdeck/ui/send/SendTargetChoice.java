package io.socketdeck.ui.send;

import io.socketdeck.core.session.SendTarget;

/**
 * Where a tab's Send goes right now, or why there is nowhere to send: the connection, the
 * selected clients, the datagram's remote. Each tab decides; the send tools only ask.
 *
 * @param target  the target, or null
 * @param problem a localized reason when {@code target} is null
 */
public record SendTargetChoice(SendTarget target, String problem) {

    public static SendTargetChoice of(SendTarget target) {
        return new SendTargetChoice(target, null);
    }

    public static SendTargetChoice none(String problem) {
        return new SendTargetChoice(null, problem);
    }

    public boolean available() {
        return target != null;
    }
}
