package io.socketdeck.ui.common;

import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.text.InputErrors;
import io.socketdeck.core.net.LocalAddresses;
import java.net.InetAddress;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/**
 * The bind-address dropdown shared by the server and UDP tabs: the machine's addresses, each
 * labelled ("eth0", "all interfaces"), and editable so any local address can be typed. The
 * editor shows the bare literal; the view model parses it with {@link BindAddress#parse}.
 */
public final class BindAddressChoices {

    private BindAddressChoices() {
    }

    public static void install(ComboBox<BindAddress> combo) {
        combo.setEditable(true);
        combo.getItems().setAll(LocalAddresses.list());
        combo.setConverter(new TypedTextConverter());
        combo.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(BindAddress address, boolean empty) {
                super.updateItem(address, empty);
                setText(empty || address == null ? null : label(address));
            }
        });
    }

    /** "0.0.0.0 — all IPv4 interfaces", "192.0.2.2 — eth0". */
    public static String label(BindAddress address) {
        String what = switch (address.kind()) {
            case ANY_IPV4 -> I18n.text("bind.anyIpv4");
            case ANY_IPV6 -> I18n.text("bind.anyIpv6");
            case LOOPBACK -> I18n.text("bind.loopback");
            case INTERFACE -> address.interfaceName();
            case TYPED -> "";
        };
        return what.isEmpty() ? address.literal() : address.literal() + "  \u2014  " + what;
    }

    public static String problem(BindAddress.Problem problem) {
        return InputErrors.bindAddress(problem);
    }

    /**
     * Shows an address as its literal, and keeps text that is not an address as typed. An editable
     * ComboBox rewrites its editor from its value when focus leaves it, so an unparsable entry
     * would otherwise vanish as the user clicks Listen, and the field would ask for an address
     * instead of saying what is wrong with the one typed. Such text becomes a marker value that
     * shows the text; the view model parses the editor's text and explains the problem there.
     */
    private static final class TypedTextConverter extends StringConverter<BindAddress> {

        /** Never one of the choices, and never what parsing yields (a typed loopback address is LOOPBACK). */
        private final BindAddress unparsed = new BindAddress(BindAddress.Kind.TYPED,
                InetAddress.getLoopbackAddress(), "");
        private String unparsedText = "";

        @Override
        public String toString(BindAddress address) {
            if (address == null) {
                return "";
            }
            return address == unparsed ? unparsedText : address.literal();
        }

        @Override
        public BindAddress fromString(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            BindAddress.Parsed parsed = BindAddress.parse(text);
            if (parsed.valid()) {
                return parsed.address();
            }
            unparsedText = text;
            return unparsed;
        }
    }
}
