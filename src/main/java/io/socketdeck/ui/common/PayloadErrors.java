package io.socketdeck.ui.common;

import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.text.InputErrors;

/** Localized messages for what can be wrong with a typed payload: the command line's words too. */
public final class PayloadErrors {

    private PayloadErrors() {
    }

    public static String describe(PayloadException e) {
        return InputErrors.payload(e);
    }
}
