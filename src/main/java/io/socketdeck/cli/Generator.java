package io.socketdeck.cli;

/** One way of generating the load: runs on the calling thread until done, stoppable from any other. */
interface Generator {

    /**
     * Sends until the count or the duration is reached, or until {@link #stop()}.
     *
     * @throws CliFailure when it cannot start (refused, unknown host ...): nothing was sent
     */
    void run();

    /** Ends the run soon (Ctrl+C): sending stops, {@link #run()} returns. Any thread, idempotent. */
    void stop();
}
