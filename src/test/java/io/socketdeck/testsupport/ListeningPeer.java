package io.socketdeck.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A peer process that listens on {@code 127.0.0.1} on a port it chose itself (port 0) and
 * printed: {@code openssl s_server -accept 127.0.0.1:0} says {@code ACCEPT 127.0.0.1:PORT},
 * {@code socat -d -d ...-LISTEN:0} says {@code listening on AF=2 127.0.0.1:PORT}. No port is
 * guessed, so none is ever taken by someone else in between.
 */
public record ListeningPeer(PeerProcess process, int port) implements AutoCloseable {

    /**
     * {@code openssl s_server -accept 127.0.0.1:0 -naccept 1 ARGS}: one connection, interactive
     * (what the client sends is printed, what is typed is sent; {@code R}, {@code k}, {@code K},
     * {@code Q} as s_server documents).
     */
    public static ListeningPeer opensslServer(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0", "-naccept", "1"));
        command.addAll(List.of(args));
        PeerProcess process = PeerProcess.start(dir, command);
        return listening(process, "ACCEPT 127\\.0\\.0\\.1:(\\d+)");
    }

    /** {@code socat -d -d LISTEN OTHER} where {@code listen} is an address on port 0 (OPENSSL-LISTEN:0,bind=127.0.0.1,...). */
    public static ListeningPeer socat(Path dir, String listen, String other) throws IOException {
        PeerProcess process = PeerProcess.start(dir, List.of("socat", "-d", "-d", listen, other));
        return listening(process, "listening on AF=2 127\\.0\\.0\\.1:(\\d+)");
    }

    private static ListeningPeer listening(PeerProcess process, String portLine) {
        try {
            return new ListeningPeer(process, Integer.parseInt(process.await(portLine).group(1)));
        } catch (RuntimeException | Error e) {
            process.close();
            throw e;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
