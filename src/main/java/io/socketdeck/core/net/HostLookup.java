package io.socketdeck.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Looks up host names off the I/O threads. A lookup can block for seconds (a name that does not
 * exist, a slow DNS server); on a loop shared by many sessions that would stall all of them, so it
 * runs on a lookup thread and the answer is handed back to the loop.
 *
 * <p>The whole application shares {@link #MAX_THREADS} lookup threads: more lookups at once wait
 * their turn, in order, so a flood of them (clients of a relay, a slow DNS server) never starts a
 * thread per lookup. The threads are daemons and end after a while without work: an idle
 * application keeps none. Callers look a name up once for all who wait for it (a UDP socket's
 * sends to one name, a relay's clients), so what waits is one lookup per name and session.
 */
public final class HostLookup {

    /**
     * Where sessions look names up: {@link #SYSTEM}, or a test's stand-in that answers when the
     * test says so.
     */
    @FunctionalInterface
    public interface NameService {

        /**
         * Every address of {@code host} (a name or a literal), in the system's order. Never blocks
         * the caller; completes later on another thread, or at once. Completes exceptionally with
         * the {@link UnknownHostException} (or {@link SecurityException}) as cause.
         */
        CompletableFuture<InetAddress[]> lookUpAll(String host);
    }

    /** A lookup that blocks its thread until it has the answer, as {@link InetAddress#getAllByName}. */
    @FunctionalInterface
    interface Blocking {
        InetAddress[] lookUpAll(String host) throws UnknownHostException;
    }

    /**
     * Lookups running at once, at most, in the whole application. A lookup that waits on a silent
     * DNS server holds its thread for seconds; a few such names at once still leave the others a
     * turn within that time, and nothing can start threads without bound.
     */
    static final int MAX_THREADS = 4;
    /** A lookup thread with nothing to do ends after this long. */
    private static final long IDLE_SECONDS = 30;

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** The system's resolver, on the application's lookup threads. */
    public static final NameService SYSTEM = onThreads(MAX_THREADS, InetAddress::getAllByName);

    private HostLookup() {
    }

    /**
     * The address of {@code host} (a name or a literal), looked up on a lookup thread: the first of
     * {@link #SYSTEM}'s, as {@link InetAddress#getByName} gives. Completes exceptionally with the
     * {@link UnknownHostException} (or {@link SecurityException}) as cause.
     */
    public static CompletableFuture<InetAddress> lookUp(String host) {
        return SYSTEM.lookUpAll(host).thenApply(all -> all[0]);
    }

    /**
     * A name service that runs {@code lookup} on at most {@code threads} daemon threads of its own;
     * further lookups wait in a queue, in order, for one of them.
     */
    static NameService onThreads(int threads, Blocking lookup) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "socketdeck-lookup-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return host -> CompletableFuture.supplyAsync(() -> {
            try {
                return lookup.lookUpAll(host);
            } catch (UnknownHostException e) {
                throw new CompletionException(e);
            }
        }, pool);
    }
}
