package io.socketdeck.core.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Supplier;

/**
 * Unix domain (stream) sockets, typed as {@code unix:/path/to.sock} where a host goes: checking
 * the path before a connect or a listen, and naming the ends in events.
 *
 * <p><b>How a Unix end travels in events.</b> Every {@code SessionEvent}, the log, the capture,
 * the client table and the send tools carry {@link InetSocketAddress}. Rather than widen all of
 * them to {@link SocketAddress} (and teach each one what a path is), a Unix end is carried as an
 * <em>unresolved</em> {@code InetSocketAddress} whose host string is {@code unix:/path} and whose
 * port is 0: a form no TCP or UDP end can take (a resolved address always, port 0 never for a
 * peer). {@link Addresses#format} prints it as the path, so the log reads {@code unix:/tmp/app.sock},
 * never {@code null:0}; everything else only compares and prints addresses and works unchanged.
 * A client of a Unix server has no name of its own (its socket is not bound to a path), so it is
 * named after the server's path and its connection's number, {@code unix:/tmp/app.sock#3}, which
 * keeps clients apart in the table.
 */
public final class UnixSockets {

    public static final String SCHEME = "unix:";
    /** Linux's {@code sun_path} holds 108 bytes, the terminating NUL included. */
    public static final int MAX_PATH_BYTES = 107;
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    /** What is wrong with a typed socket path. */
    public enum Problem {
        EMPTY,
        TOO_LONG,
        MISSING_DIRECTORY,
        NO_PERMISSION,
        NOT_A_SOCKET,
        NOT_FOUND
    }

    /** Either a usable path or the problem with it. */
    public record Result(Path path, Problem problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    private UnixSockets() {
    }

    /** True when {@code text} asks for a Unix socket ({@code unix:...}). */
    public static boolean isUnixHost(String text) {
        return text != null && text.strip().regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** For a client: the path must name an existing socket we may write to. */
    public static Result forConnect(String text) {
        Result parsed = parse(text);
        if (!parsed.valid()) {
            return parsed;
        }
        Path path = parsed.path();
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return new Result(null, Problem.MISSING_DIRECTORY);
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
            return new Result(null, Problem.NOT_FOUND);
        }
        if (!isSocket(path)) {
            return new Result(null, Problem.NOT_A_SOCKET);
        }
        if (!Files.isWritable(path)) {
            return new Result(null, Problem.NO_PERMISSION);
        }
        return parsed;
    }

    /**
     * For a server: the directory must exist and let us create the socket; the path must be free
     * or a socket (a stale one left by a crash is replaced when nobody listens on it).
     */
    public static Result forListen(String text) {
        Result parsed = parse(text);
        if (!parsed.valid()) {
            return parsed;
        }
        Path path = parsed.path();
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return new Result(null, Problem.MISSING_DIRECTORY);
        }
        if (!Files.isWritable(parent) || !Files.isExecutable(parent)) {
            return new Result(null, Problem.NO_PERMISSION);
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !isSocket(path)) {
            return new Result(null, Problem.NOT_A_SOCKET);
        }
        return parsed;
    }

    private static Result parse(String text) {
        String typed = text == null ? "" : text.strip();
        if (isUnixHost(typed)) {
            typed = typed.substring(SCHEME.length()).strip();
        }
        if (typed.isEmpty()) {
            return new Result(null, Problem.EMPTY);
        }
        if (typed.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return new Result(null, Problem.TOO_LONG);
        }
        try {
            return new Result(Path.of(typed), null);
        } catch (InvalidPathException e) {
            return new Result(null, Problem.NOT_FOUND);
        }
    }

    /** True when {@code path} is a socket file (not following a link). */
    public static boolean isSocket(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return mode instanceof Integer bits && (bits & S_IFMT) == S_IFSOCK;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return isOther(path); // no "unix" view: a socket is neither file, directory nor link
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isOther(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException e) {
            return false;
        }
    }

    /** The event address of the socket at {@code path}: see the class comment. */
    public static InetSocketAddress eventAddress(Path path) {
        return InetSocketAddress.createUnresolved(SCHEME + path, 0);
    }

    /**
     * The event address of a channel's end: an {@link InetSocketAddress} as it is, a Unix one by
     * its path, or by {@code unnamed} when it has none.
     */
    public static InetSocketAddress eventAddress(SocketAddress address, Supplier<String> unnamed) {
        if (address instanceof InetSocketAddress inet) {
            return inet;
        }
        if (address instanceof UnixDomainSocketAddress unix) {
            String path = unix.getPath().toString();
            return InetSocketAddress.createUnresolved(SCHEME + (path.isEmpty() ? unnamed.get() : path), 0);
        }
        throw new IllegalArgumentException("not a socket address of ours: " + address);
    }

    /** True for an event address made by {@link #eventAddress}: a Unix end. */
    public static boolean isUnix(InetSocketAddress address) {
        return address != null && address.isUnresolved() && address.getPort() == 0
                && address.getHostString().startsWith(SCHEME);
    }

    /** The path in an event address of a Unix end, without its {@code #n} connection suffix. */
    public static String pathOf(InetSocketAddress address) {
        String name = address.getHostString().substring(SCHEME.length());
        int hash = name.lastIndexOf('#');
        return hash > 0 ? name.substring(0, hash) : name;
    }
}
