package io.socketdeck.core.relay;

import io.socketdeck.core.net.HostLookup;
import io.socketdeck.core.session.FailureKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The target's address for every connection of one relay. A literal is the address at once. A
 * name is looked up off the loop, one lookup at a time however many clients arrive while it is
 * out: they all wait for it and are all told its answer, each in a loop task of its own. An
 * address found is used again for {@link #KEEP_NANOS}, then looked up anew, so a name that moves
 * is followed; a name not found is not kept, the next client asks again. Loop thread only.
 *
 * <p>Without this, a relay to a name behind a slow DNS server started a lookup per client, each
 * on a thread of its own while it waited: hundreds of clients, hundreds of threads.
 */
final class SharedTargetLookup implements TargetLookup {

    /**
     * How long a found address serves new clients without a lookup: a burst of clients asks once,
     * yet a target that moves is followed within seconds (the JDK keeps an answer 30 s anyway).
     */
    static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private record Waiter(Consumer<InetSocketAddress> found, Failed failed) {
    }

    private final String host;
    private final int port;
    private final InetAddress literal;
    private final HostLookup.NameService names;
    private final Consumer<Runnable> onLoop;
    private final LongSupplier nanoClock;
    /** The clients waiting for the lookup in flight; null while none is. */
    private List<Waiter> waiting;
    private InetSocketAddress found;
    private long foundAtNanos;

    /**
     * @param literal   the target as an address when it is one (no lookup ever), else null
     * @param onLoop    runs an answer's task on the relay's loop, unless the relay has ended
     * @param nanoClock {@link System#nanoTime}, or a test's clock
     */
    SharedTargetLookup(String host, int port, InetAddress literal, HostLookup.NameService names,
                       Consumer<Runnable> onLoop, LongSupplier nanoClock) {
        this.host = host;
        this.port = port;
        this.literal = literal;
        this.names = names;
        this.onLoop = onLoop;
        this.nanoClock = nanoClock;
    }

    @Override
    public void resolve(Consumer<InetSocketAddress> foundThen, Failed failed) {
        if (literal != null) {
            foundThen.accept(new InetSocketAddress(literal, port));
            return;
        }
        if (found != null && nanoClock.getAsLong() - foundAtNanos < KEEP_NANOS) {
            foundThen.accept(found);
            return;
        }
        if (waiting != null) {
            waiting.add(new Waiter(foundThen, failed));
            return;
        }
        waiting = new ArrayList<>();
        waiting.add(new Waiter(foundThen, failed));
        names.lookUpAll(host).whenComplete((addresses, error) -> onLoop.accept(() -> answered(addresses)));
    }

    private void answered(InetAddress[] addresses) {
        List<Waiter> told = waiting;
        waiting = null;
        if (addresses != null && addresses.length > 0) {
            // The first, as InetAddress.getByName gives (and the TCP client connects to).
            InetSocketAddress address = new InetSocketAddress(addresses[0], port);
            found = address;
            foundAtNanos = nanoClock.getAsLong();
            for (Waiter waiter : told) {
                onLoop.accept(() -> waiter.found().accept(address));
            }
        } else {
            found = null;
            for (Waiter waiter : told) {
                onLoop.accept(() -> waiter.failed().failed(FailureKind.UNKNOWN_HOST, host));
            }
        }
    }
}
