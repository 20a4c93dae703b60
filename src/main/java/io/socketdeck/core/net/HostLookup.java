package io.socketdeck.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Looks up host names off the I/O threads. A lookup can block for seconds (a name that does not
 * exist, a slow DNS server); on a loop shared by many sessions that would stall all of them, so it
 * runs on a daemon thread of its own and the answer is handed back to the loop.
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

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "socketdeck-lookup-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** The system's resolver, on the lookup threads. */
    public static final NameService SYSTEM = HostLookup::lookUpAll;

    private HostLookup() {
    }

    /**
     * The address of {@code host} (a name or a literal), looked up on a lookup thread: the first of
     * {@link #lookUpAll}'s, as {@link InetAddress#getByName} gives. Completes exceptionally with the
     * {@link UnknownHostException} (or {@link SecurityException}) as cause.
     */
    public static CompletableFuture<InetAddress> lookUp(String host) {
        return lookUpAll(host).thenApply(all -> all[0]);
    }

    /** Every address of {@code host}, looked up on a lookup thread; see {@link NameService#lookUpAll}. */
    public static CompletableFuture<InetAddress[]> lookUpAll(String host) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new CompletionException(e);
            }
        }, LOOKUPS);
    }
}
