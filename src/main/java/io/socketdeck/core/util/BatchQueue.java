package io.socketdeck.core.util;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A lock-free hand-over from I/O threads to one consumer that takes everything in batches.
 *
 * <p>It holds at most {@code maxItems} items and {@code maxWeight} weight (bytes): when a
 * consumer falls behind a flood, the oldest items go first. They would have been trimmed from
 * the bounded view anyway; counters and captures see every byte before this point. Items that
 * are not {@code droppable} (state changes) are never dropped.
 */
public final class BatchQueue<T> {

    private final Queue<T> items = new ConcurrentLinkedQueue<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong weight = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile int maxItems;
    private volatile long maxWeight;
    private final ToLongFunction<? super T> weigher;
    private final Predicate<? super T> droppable;

    public BatchQueue(int maxItems, long maxWeight, ToLongFunction<? super T> weigher) {
        this(maxItems, maxWeight, weigher, item -> true);
    }

    public BatchQueue(int maxItems, long maxWeight, ToLongFunction<? super T> weigher,
                      Predicate<? super T> droppable) {
        if (maxItems < 1 || maxWeight < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxItems = maxItems;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
        this.droppable = droppable;
    }

    /** Changes the limits; items over the new limits go with the next offer. */
    public void setLimits(int maxItems, long maxWeight) {
        if (maxItems < 1 || maxWeight < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxItems = maxItems;
        this.maxWeight = maxWeight;
    }

    /** Adds {@code item}, dropping the oldest items while over the limits; any thread. */
    public void offer(T item) {
        items.add(item);
        long itemCount = count.incrementAndGet();
        long totalWeight = weight.addAndGet(weigher.applyAsLong(item));
        if (itemCount > maxItems || totalWeight > maxWeight) {
            dropOldest();
        }
    }

    private void dropOldest() {
        Iterator<T> oldestFirst = items.iterator();
        while ((count.get() > maxItems || weight.get() > maxWeight) && count.get() > 1 && oldestFirst.hasNext()) {
            T oldest = oldestFirst.next();
            // remove(Object) tells whether this thread took it, not the consumer or another producer.
            if (droppable.test(oldest) && items.remove(oldest)) {
                dropped.incrementAndGet();
                count.decrementAndGet();
                weight.addAndGet(-weigher.applyAsLong(oldest));
            }
        }
    }

    /** Takes every item queued so far, oldest first. */
    public List<T> drain() {
        return drain(Integer.MAX_VALUE);
    }

    /** Takes at most {@code max} items, oldest first; the rest wait for the next drain. */
    public List<T> drain(int max) {
        List<T> batch = new ArrayList<>(Math.min(max, 256));
        T item;
        while (batch.size() < max && (item = items.poll()) != null) {
            batch.add(item);
            count.decrementAndGet();
            weight.addAndGet(-weigher.applyAsLong(item));
        }
        return batch;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Items dropped unseen because the consumer fell behind. */
    public long dropped() {
        return dropped.get();
    }

    public void clear() {
        drain();
    }
}
