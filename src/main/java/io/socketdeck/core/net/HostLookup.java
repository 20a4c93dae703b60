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

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "socketdeck-lookup-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private HostLookup() {
    }

    /**
     * The address of {@code host} (a name or a literal), looked up on a lookup thread. Completes
     * exceptionally with the {@link UnknownHostException} (or {@link SecurityException}) as cause.
     */
    public static CompletableFuture<InetAddress> lookUp(String host) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new CompletionException(e);
            }
        }, LOOKUPS);
    }
}
