package io.socketdeck.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.testsupport.Await;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The lookup threads are few however many lookups wait: a slow DNS server holds each lookup for
 * seconds, and a thread per lookup ran the application out of native threads. The blocking lookup
 * here is the test's own (a latch), never the system's resolver.
 */
class HostLookupTest {

    private static final Duration T = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void lookupsBeyondTheThreadsWaitTheirTurnAndAllAreAnswered() throws Exception {
        int threads = 3;
        int lookups = 20;
        CountDownLatch dnsAnswers = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        HostLookup.NameService names = HostLookup.onThreads(threads, host -> {
            used.add(Thread.currentThread());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (!dnsAnswers.await(T.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new UnknownHostException("the test never answered " + host);
                }
                return new InetAddress[] {LOOPBACK};
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnknownHostException("interrupted: " + host);
            } finally {
                running.decrementAndGet();
            }
        });
        List<CompletableFuture<InetAddress[]>> answers = new ArrayList<>();
        for (int i = 0; i < lookups; i++) {
            answers.add(names.lookUpAll("slow" + i + ".lookup.test"));
        }
        Await.until(() -> running.get() >= threads, T, () -> running.get() + " lookups running");

        dnsAnswers.countDown();
        for (CompletableFuture<InetAddress[]> answer : answers) {
            assertArrayEquals(new InetAddress[] {LOOPBACK}, answer.get(T.toMillis(), TimeUnit.MILLISECONDS));
        }
        assertEquals(threads, used.size(), () -> "threads for " + lookups + " lookups: " + used);
        assertEquals(threads, mostAtOnce.get(), "lookups running at once");
        assertTrue(used.stream().allMatch(t -> t.isDaemon() && t.getName().startsWith("socketdeck-lookup-")),
                used::toString);
    }

    @Test
    void anUnknownNameCompletesWithItsUnknownHostExceptionAsCause() {
        HostLookup.NameService names = HostLookup.onThreads(1, host -> {
            throw new UnknownHostException(host);
        });
        CompletionException failed = assertThrows(CompletionException.class,
                () -> names.lookUpAll("no-such.lookup.test").join());
        assertInstanceOf(UnknownHostException.class, failed.getCause());
        assertEquals("no-such.lookup.test", failed.getCause().getMessage());
    }
}
