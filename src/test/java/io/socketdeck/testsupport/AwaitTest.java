package io.socketdeck.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsOnceConditionHoldsFromAnotherThread() throws Exception {
        AtomicBoolean flag = new AtomicBoolean();
        Thread t = new Thread(() -> flag.set(true));
        t.setDaemon(true);
        t.start();
        Await.until(flag::get, Duration.ofSeconds(5), "flag set");
        t.join(5_000);
        assertTrue(flag.get());
    }

    @Test
    void timeoutThrowsAssertionErrorWithMessage() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.until(() -> false, Duration.ofMillis(50), () -> "never true"));
        assertTrue(e.getMessage().contains("never true"), e.getMessage());
    }

    @Test
    void valueReturnsFirstAcceptedValue() {
        AtomicInteger counter = new AtomicInteger();
        int v = Await.value(counter::incrementAndGet, x -> x >= 3, Duration.ofSeconds(5), "counter");
        assertEquals(3, v);
    }

    @Test
    void valueTimeoutNamesLastValue() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.value(() -> "nope", "yes"::equals, Duration.ofMillis(30), "answer"));
        assertTrue(e.getMessage().contains("answer") && e.getMessage().contains("nope"), e.getMessage());
    }
}
