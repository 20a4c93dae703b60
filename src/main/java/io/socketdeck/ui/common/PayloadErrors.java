package io.socketdeck.ui.common;

import io.socketdeck.core.send.PayloadException;

/** Localized messages for what can be wrong with a typed payload, with the position a user counts (from 1). */
public final class PayloadErrors {

    private PayloadErrors() {
    }

    public static String describe(PayloadException e) {
        String at = String.valueOf(e.position() + 1);
        return switch (e.reason()) {
            case HEX_ODD_DIGITS -> I18n.format("send.error.hexOdd", at, e.offending());
            case HEX_INVALID_CHARACTER -> I18n.format("send.error.hexChar", at, e.offending());
            case UNKNOWN_ESCAPE -> I18n.format("send.error.unknownEscape", at, e.offending());
            case BAD_HEX_ESCAPE -> I18n.format("send.error.badHexEscape", at, e.offending());
            case BAD_UNICODE_ESCAPE -> I18n.format("send.error.badUnicodeEscape", at, e.offending());
            case TRAILING_BACKSLASH -> I18n.format("send.error.trailingBackslash", at);
            case UNMAPPABLE -> I18n.format("send.error.unmappable", e.offending(), at, e.charsetName());
            case UNKNOWN_MACRO -> I18n.format("send.error.unknownMacro", at, e.offending());
            case BAD_MACRO -> I18n.format("send.error.badMacro", at, e.offending());
            case MACRO_NOT_HERE -> I18n.format("send.error.macroNotHere", at, e.offending());
        };
    }
}
