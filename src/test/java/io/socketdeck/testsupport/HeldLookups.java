package io.socketdeck.testsupport;

import io.socketdeck.core.net.HostLookup;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A name service for tests that asks no DNS: every lookup waits until the test answers it, as a
 * slow or silent DNS server would keep it waiting. It counts who asked for what, and how many
 * lookups are still unanswered. Thread-safe; answers complete the lookups on the test's thread.
 */
public final class HeldLookups implements HostLookup.NameService {

    private record Lookup(String host, CompletableFuture<InetAddress[]> answer) {
    }

    private final List<Lookup> lookups = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<InetAddress[]> lookUpAll(String host) {
        CompletableFuture<InetAddress[]> answer = new CompletableFuture<>();
        lookups.add(new Lookup(host, answer));
        return answer;
    }

    /** How many lookups of {@code host} were asked for, answered or not. */
    public synchronized int asked(String host) {
        return (int) lookups.stream().filter(lookup -> lookup.host().equals(host)).count();
    }

    /** Every host asked for, in order, once per lookup. */
    public synchronized List<String> hostsAsked() {
        return lookups.stream().map(Lookup::host).toList();
    }

    /** How many lookups of {@code host} wait for their answer now. */
    public synchronized int unanswered(String host) {
        return pending(host).size();
    }

    /** Waits until {@code host} was asked for at least {@code count} times. */
    public void awaitAsked(String host, int count, Duration timeout) {
        Await.until(() -> asked(host) >= count, timeout, () -> host + " asked " + count + " times; asked: " + hostsAsked());
    }

    /** Answers every waiting lookup of {@code host} with {@code addresses}. */
    public void answer(String host, InetAddress... addresses) {
        for (CompletableFuture<InetAddress[]> answer : pending(host)) {
            answer.complete(addresses.clone());
        }
    }

    /** Answers every waiting lookup of {@code host}: no such name, as the resolver says it. */
    public void fail(String host) {
        for (CompletableFuture<InetAddress[]> answer : pending(host)) {
            answer.completeExceptionally(new UnknownHostException(host));
        }
    }

    /** Answers every waiting lookup, of any host, with no such name: a test's end leaves none waiting. */
    public void failAll() {
        List<Lookup> all;
        synchronized (this) {
            all = List.copyOf(lookups);
        }
        for (Lookup lookup : all) {
            lookup.answer().completeExceptionally(new UnknownHostException(lookup.host()));
        }
    }

    private synchronized List<CompletableFuture<InetAddress[]>> pending(String host) {
        return lookups.stream().filter(lookup -> lookup.host().equals(host) && !lookup.answer().isDone())
                .map(Lookup::answer).toList();
    }
}
