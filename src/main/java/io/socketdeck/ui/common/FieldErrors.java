package io.socketdeck.ui.common;

import io.socketdeck.core.net.HostInput;
import io.socketdeck.core.net.PortInput;

/** Localized messages for the problems the core's input parsers find. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static String host(HostInput.Problem problem) {
        return switch (problem) {
            case EMPTY -> I18n.text("field.host.empty");
            case INVALID -> I18n.text("field.host.invalid");
        };
    }

    public static String port(PortInput.Problem problem, boolean zeroAllowed) {
        return switch (problem) {
            case EMPTY -> I18n.text("field.port.empty");
            case NOT_A_NUMBER -> I18n.text("field.port.notNumber");
            case OUT_OF_RANGE -> I18n.text(zeroAllowed ? "field.port.rangeWithZero" : "field.port.range");
        };
    }
}
