package io.socketdeck.bench;

/**
 * The benchmarks' helper threads (peers' writers and readers, echo servers, watchdogs): daemons,
 * so a round that fails midway never keeps a bench's JVM, or a peer's, alive.
 */
final class Daemons {

    private Daemons() {
    }

    /** Starts {@code task} on a daemon thread named {@code name}. */
    static Thread start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
