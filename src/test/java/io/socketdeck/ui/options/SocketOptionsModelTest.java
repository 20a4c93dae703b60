package io.socketdeck.ui.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.options.OptionGrant;
import io.socketdeck.core.options.SocketOptionKind;
import io.socketdeck.core.options.SocketOptionSet;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.tcp.TcpSocketSettings;
import io.socketdeck.ui.common.I18n;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The panel's model without a window: what typed text means, what is refused, what is kept. */
class SocketOptionsModelTest {

    @BeforeAll
    static void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void emptyFieldsLeaveEverythingToTheSystemAndNagleOffKeepaliveOnAsBefore() {
        SocketOptionsModel model = new SocketOptionsModel(SocketOptionsModel.Kind.CLIENT);
        assertEquals(TcpSocketSettings.DEFAULT, model.tcpSettings());
        assertEquals(SocketOptionsModel.ANY, model.localBind().orElseThrow());
        assertEquals("Nagle off · keepalive 30/5/4 s", model.summary());
    }

    @Test
    void sizesTakeKAndMAndTosTakesHex() {
        assertEquals(65_536, OptionInputs.bytes("64K", 0, SocketOptionSet.MAX_BUFFER));
        assertEquals(4 << 20, OptionInputs.bytes("4m", 0, SocketOptionSet.MAX_BUFFER));
        assertEquals(131_072, OptionInputs.bytes("131,072", 0, SocketOptionSet.MAX_BUFFER));
        assertEquals(OptionInputs.INVALID, OptionInputs.bytes("0", 0, SocketOptionSet.MAX_BUFFER));
        assertEquals(OptionInputs.INVALID, OptionInputs.bytes("2048M", 0, SocketOptionSet.MAX_BUFFER));
        assertEquals(OptionInputs.INVALID, OptionInputs.bytes("１２", 0, SocketOptionSet.MAX_BUFFER), "ASCII digits only");
        assertEquals(0xB8, OptionInputs.tos("0xB8", -1));
        assertEquals(46, OptionInputs.tos("46", -1));
        assertEquals(OptionInputs.INVALID, OptionInputs.tos("0x100", -1));
        assertEquals(-1, OptionInputs.tos(" ", -1));
    }

    @Test
    void aWrongFieldIsSaidAtItAndNothingIsBuilt() {
        SocketOptionsModel model = new SocketOptionsModel(SocketOptionsModel.Kind.SERVER);
        model.lingerProperty().set("-3");
        model.keepIdleProperty().set("0");
        assertNull(model.tcpSettings());
        assertTrue(model.lingerErrorProperty().get().contains("0 to 65535"));
        assertTrue(model.keepAliveErrorProperty().get().startsWith("Idle and interval from 1 to 32,767 s"),
                model.keepAliveErrorProperty().get());
        model.keepAliveProperty().set(false);
        model.lingerProperty().set("0");
        TcpSocketSettings settings = model.tcpSettings();
        assertNotNull(settings, "keepalive off: its timings are not checked");
        assertNull(model.keepAliveErrorProperty().get());
        assertEquals(0, settings.others().lingerSeconds());
        assertFalse(settings.keepAlive().enabled());
    }

    @Test
    void theLocalAddressIsReadAsALiteralNeverLookedUp() {
        SocketOptionsModel model = new SocketOptionsModel(SocketOptionsModel.Kind.CLIENT);
        model.localAddressProperty().set("localhost");
        assertTrue(model.localBind().isEmpty());
        assertTrue(model.localErrorProperty().get().contains("IP address"));
        model.localAddressProperty().set("127.0.0.1");
        model.localPortProperty().set("40001");
        InetSocketAddress bind = model.localBind().orElseThrow();
        assertEquals("127.0.0.1", bind.getAddress().getHostAddress());
        assertEquals(40_001, bind.getPort());
    }

    @Test
    void grantsAndProblemsAreShownAndFieldsArePersisted() {
        SocketOptionsModel model = new SocketOptionsModel(SocketOptionsModel.Kind.UDP);
        model.granted(new SessionEvent.OptionsApplied(0, null, List.of(
                new OptionGrant(SocketOptionKind.SO_RCVBUF, "1000000", "212992", OptionGrant.Outcome.ADJUSTED, ""),
                new OptionGrant(SocketOptionKind.IP_TOS, "0x10 (16)", "", OptionGrant.Outcome.UNSUPPORTED, "")),
                0, 1));
        assertEquals("granted 212992 (not what was asked: the system\u2019s limit or rounding)",
                model.receiveGrantedProperty().get(), "capped: said beside the field");
        assertEquals("IP_TOS: not supported on this system", model.noteProperty().get());
        model.clearGranted();
        assertEquals("", model.noteProperty().get());

        model.sendBufferProperty().set("1M");
        model.trafficClassProperty().set("0x2E");
        Settings settings = new Settings();
        model.persisted().saveTo(settings, "udp.socketOptions");
        SocketOptionsModel restored = new SocketOptionsModel(SocketOptionsModel.Kind.UDP);
        restored.persisted().restoreFrom(settings, "udp.socketOptions");
        assertEquals(SocketOptionSet.SYSTEM.withSendBuffer(1 << 20).withTrafficClass(0x2E), restored.others());
    }
}
