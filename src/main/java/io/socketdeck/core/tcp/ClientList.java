package io.socketdeck.core.tcp;

import java.util.List;

/** A server's clients at one version of its membership; immutable. */
public record ClientList(long version, List<ServerClient> clients) {
    public ClientList {
        clients = List.copyOf(clients);
    }
}
