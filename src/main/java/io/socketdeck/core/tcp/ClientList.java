package io.socketdeck.core.tcp;

import java.util.List;

/**
 * A server's clients at one version of its membership, for a client table that must have one
 * source of truth: poll {@link TcpServerSession#clientList()}, and rebuild rows only when
 * {@link #version()} moved; byte counts are read live from each {@link ServerClient}.
 *
 * @param version changes whenever a client joins or leaves; never goes back
 * @param clients the clients, oldest connection first; immutable. None of them left before this
 *                version was published (one that joined or left just after may or may not be in)
 */
public record ClientList(long version, List<ServerClient> clients) {

    public static final ClientList EMPTY = new ClientList(0, List.of());

    public ClientList {
        clients = List.copyOf(clients);
    }

    public int size() {
        return clients.size();
    }
}
