package io.socketdeck.ui.log;

import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.ui.common.I18n;

/** Localized log text for session events. Thread-safe: the I/O thread calls it. */
public final class EventTexts {

    private EventTexts() {
    }

    public static String connected(SessionEvent.Connected event) {
        return I18n.format("event.connected", Addresses.format(event.remote()), Addresses.format(event.local()));
    }

    /** A client arrived at our server. */
    public static String accepted(SessionEvent.Connected event) {
        return I18n.format("event.accepted", Addresses.format(event.remote()), Addresses.format(event.local()));
    }

    /** Our server is listening. */
    public static String listening(SessionEvent.Opened event) {
        return I18n.format("event.listening", Addresses.format(event.local()));
    }

    /** Names the recipients of one send to many clients, e.g. "3 clients". */
    public static String clients(int count) {
        return I18n.format("log.clients", count);
    }

    public static String sentToNone() {
        return I18n.text("event.sentToNone");
    }

    public static String opened(SessionEvent.Opened event) {
        return I18n.format("event.opened", Addresses.format(event.local()));
    }

    public static String multicastJoined(SessionEvent.MulticastJoined event) {
        return I18n.format("event.multicastJoined", Addresses.formatHost(event.group()), event.interfaceName());
    }

    public static String multicastLeft(SessionEvent.MulticastLeft event) {
        return I18n.format("event.multicastLeft", Addresses.formatHost(event.group()), event.interfaceName());
    }

    public static String disconnected(SessionEvent.Disconnected event) {
        return I18n.format("event.disconnected." + event.reason().name(), Addresses.format(event.remote()));
    }

    public static String failure(SessionEvent.Failure event) {
        String where = event.peer() == null ? "" : Addresses.format(event.peer());
        String key = "failure." + event.kind().name();
        String text = I18n.format(key, where, event.detail());
        // The OS's own words help a search; add them unless the sentence already quotes them.
        boolean quotesDetail = I18n.text(key).contains("{1}");
        return quotesDetail || event.detail().isEmpty() ? text : text + "  (" + event.detail() + ")";
    }

    /** Resets and failures are shown as errors; orderly closes as information. */
    public static boolean isError(CloseReason reason) {
        return reason == CloseReason.RESET || reason == CloseReason.ERROR;
    }
}
