package io.socketdeck.core.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.testsupport.HeldLookups;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One lookup of a relay's target at a time, its answer kept a few seconds; a clock of the test's own. */
class SharedTargetLookupTest {

    private static final String NAME = "target.lookup.test";
    private static final int PORT = 8080;

    private final HeldLookups names = new HeldLookups();
    private final List<String> told = new ArrayList<>();
    private long now = 1_000;

    /** Answers run at once on the test's thread: it stands for the loop. */
    private SharedTargetLookup lookup(InetAddress literal) {
        return new SharedTargetLookup(literal == null ? NAME : literal.getHostAddress(), PORT, literal, names,
                Runnable::run, () -> now);
    }

    private void resolve(SharedTargetLookup lookup, String client) {
        lookup.resolve(address -> told.add(client + " " + address),
                (kind, detail) -> told.add(client + " " + kind + " " + detail));
    }

    @Test
    void clientsArrivingWhileTheNameIsLookedUpWaitForThatLookupAndAllGetItsAnswer() throws Exception {
        SharedTargetLookup lookup = lookup(null);
        resolve(lookup, "a");
        resolve(lookup, "b");
        resolve(lookup, "c");
        assertEquals(1, names.asked(NAME));
        assertTrue(told.isEmpty());

        InetAddress first = InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
        InetAddress second = InetAddress.getByAddress(new byte[] {10, 0, 0, 2});
        names.answer(NAME, first, second);
        InetSocketAddress address = new InetSocketAddress(first, PORT);
        assertEquals(List.of("a " + address, "b " + address, "c " + address), told, "the first address, as getByName");
    }

    @Test
    void anAddressFoundServesNewClientsForAFewSecondsThenTheNameIsLookedUpAgain() throws Exception {
        SharedTargetLookup lookup = lookup(null);
        resolve(lookup, "a");
        names.answer(NAME, InetAddress.getByAddress(new byte[] {10, 0, 0, 1}));
        now += SharedTargetLookup.KEEP_NANOS - 1;
        resolve(lookup, "b");
        assertEquals(2, told.size(), "told at once");
        assertEquals(1, names.asked(NAME));

        now += 1;
        resolve(lookup, "c");
        assertEquals(2, names.asked(NAME), "kept no longer: a name may move");
        names.answer(NAME, InetAddress.getByAddress(new byte[] {10, 0, 0, 9}));
        assertEquals("c " + new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 9}), PORT), told.get(2));
    }

    @Test
    void aNameNotFoundFailsEveryWaitingClientAndIsNotKept() throws Exception {
        SharedTargetLookup lookup = lookup(null);
        resolve(lookup, "a");
        resolve(lookup, "b");
        names.fail(NAME);
        assertEquals(List.of("a " + FailureKind.UNKNOWN_HOST + " " + NAME, "b " + FailureKind.UNKNOWN_HOST + " " + NAME),
                told);
        resolve(lookup, "c");
        assertEquals(2, names.asked(NAME), "the next client asks again");
    }

    @Test
    void aLiteralIsTheAddressAtOnceWithNoLookup() throws Exception {
        InetAddress literal = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        SharedTargetLookup lookup = lookup(literal);
        resolve(lookup, "a");
        assertEquals(List.of("a " + new InetSocketAddress(literal, PORT)), told);
        assertTrue(names.hostsAsked().isEmpty());
    }
}
