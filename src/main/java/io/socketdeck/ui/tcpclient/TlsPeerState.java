package io.socketdeck.ui.tcpclient;

import io.socketdeck.core.session.PeerCertificate;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TlsHandshake;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.tls.CertificateChainText;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the TCP client tab knows of its TLS peer: the last handshake, the last chain presented
 * (accepted or refused), and after a refusal the offer to trust that certificate by its
 * fingerprint. FX thread.
 */
public final class TlsPeerState {

    private final TlsClientFields fields;
    private final ReadOnlyObjectWrapper<TlsHandshake> handshake = new ReadOnlyObjectWrapper<>(this, "handshake");
    private final ReadOnlyStringWrapper chain = new ReadOnlyStringWrapper(this, "chain", "");
    private final ReadOnlyStringWrapper offered = new ReadOnlyStringWrapper(this, "offered", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private List<PeerCertificate> shown = List.of();
    private boolean shownRefused;
    private String offeredName = "";
    private final ReadOnlyBooleanWrapper pinned = new ReadOnlyBooleanWrapper(this, "pinned");

    TlsPeerState(TlsClientFields fields) {
        this.fields = fields;
    }

    /** A new connection begins: what the last one offered no longer holds. */
    void connecting() {
        handshake.set(null);
        offered.set("");
        pinned.set(false);
        note.set("");
    }

    /** The handshake completed: its chain is the one shown. */
    void secured(TlsHandshake agreed) {
        handshake.set(agreed);
        show(agreed.peerChain(), false);
    }

    /** The server's certificates were refused: they are shown, and trusting the leaf is offered. */
    void refused(SessionEvent.Failure failure) {
        List<PeerCertificate> certificates = failure.peerChain();
        show(certificates, true);
        offered.set(certificates.get(0).sha256());
        offeredName = certificates.get(0).commonName();
        pinned.set(false);
        note.set(noteText());
    }

    /** Pins the offered certificate's fingerprint: the next connection trusts it as it is. */
    public void trustOffered() {
        if (offered.get().isEmpty()) {
            return;
        }
        fields.pin(offered.get());
        pinned.set(true);
        note.set(noteText());
    }

    /** Re-words what is shown after the language changed. */
    void languageChanged() {
        show(shown, shownRefused);
        note.set(noteText());
    }

    private void show(List<PeerCertificate> certificates, boolean refused) {
        shown = certificates;
        shownRefused = refused;
        chain.set(certificates.isEmpty() ? "" : CertificateChainText.of(
                I18n.text(refused ? "client.tls.peer.refused" : "client.tls.peer.accepted"), certificates));
    }

    private String noteText() {
        if (offered.get().isEmpty()) {
            return "";
        }
        return pinned.get() ? I18n.format("client.tls.trust.pinned", offeredName)
                : I18n.format("client.tls.trust.offer", offeredName);
    }

    /** The last completed handshake of the current or last connection; null before one. */
    public ReadOnlyObjectProperty<TlsHandshake> handshakeProperty() {
        return handshake.getReadOnlyProperty();
    }

    /** The last chain the server presented, a few lines per certificate; empty before one. */
    public ReadOnlyStringProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /** The SHA-256 fingerprint of a refused certificate the user may trust; empty when none. */
    public ReadOnlyStringProperty offeredFingerprintProperty() {
        return offered.getReadOnlyProperty();
    }

    /** True once the offered certificate was pinned. */
    public ReadOnlyBooleanProperty pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    /** What the offer means, or that it was taken; empty when there is none. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
