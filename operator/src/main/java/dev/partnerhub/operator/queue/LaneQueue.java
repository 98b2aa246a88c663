package dev.partnerhub.operator.queue;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A work queue with one first-in-first-out lane per key, served in turn: each take comes from the next lane that
 * has work. A burst in one lane (a thousand new users) delays a task of another lane (their Customer) by one task
 * per lane, not by the whole burst. Unbounded, like the queue of a fixed thread pool.
 */
final class LaneQueue extends AbstractQueue<Runnable> implements BlockingQueue<Runnable> {

    /** Told of each task taken: its lane and how long it waited, in nanoseconds. */
    interface Waits {
        void taken(String lane, long waitedNanos);
    }

    private record Entry(Runnable task, long enqueuedAt) {
    }

    private final Function<Runnable, String> laneOf;
    private final Waits waits;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    /** The lanes that have work, in the order they are served: a lane served goes to the back. */
    private final LinkedHashMap<String, ArrayDeque<Entry>> lanes = new LinkedHashMap<>();
    private int size;

    LaneQueue(Function<Runnable, String> laneOf, Waits waits, LongSupplier nanoTime) {
        this.laneOf = laneOf;
        this.waits = waits;
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean offer(Runnable task) {
        Objects.requireNonNull(task);
        String lane = laneOf.apply(task);
        lock.lock();
        try {
            lanes.computeIfAbsent(lane, l -> new ArrayDeque<>()).addLast(new Entry(task, nanoTime.getAsLong()));
            size++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void put(Runnable task) {
        offer(task);
    }

    @Override
    public boolean offer(Runnable task, long timeout, TimeUnit unit) {
        return offer(task);
    }

    @Override
    public Runnable poll() {
        lock.lock();
        try {
            return size == 0 ? null : next();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Runnable take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (size == 0) {
                notEmpty.await();
            }
            return next();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (size == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return next();
        } finally {
            lock.unlock();
        }
    }

    /** The head of the lane whose turn it is; that lane then goes to the back, or away when it is empty. */
    private Runnable next() {
        Iterator<Map.Entry<String, ArrayDeque<Entry>>> turn = lanes.entrySet().iterator();
        Map.Entry<String, ArrayDeque<Entry>> lane = turn.next();
        Entry entry = lane.getValue().removeFirst();
        turn.remove();
        if (!lane.getValue().isEmpty()) {
            lanes.put(lane.getKey(), lane.getValue());
        }
        size--;
        waits.taken(lane.getKey(), nanoTime.getAsLong() - entry.enqueuedAt());
        return entry.task();
    }

    @Override
    public Runnable peek() {
        lock.lock();
        try {
            return size == 0 ? null : lanes.values().iterator().next().peekFirst().task();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** How many tasks wait in one lane. */
    int size(String lane) {
        lock.lock();
        try {
            ArrayDeque<Entry> entries = lanes.get(lane);
            return entries == null ? 0 : entries.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean remove(Object task) {
        lock.lock();
        try {
            for (Iterator<ArrayDeque<Entry>> it = lanes.values().iterator(); it.hasNext();) {
                ArrayDeque<Entry> lane = it.next();
                if (lane.removeIf(entry -> entry.task().equals(task))) {
                    size--;
                    if (lane.isEmpty()) {
                        it.remove();
                    }
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int drainTo(Collection<? super Runnable> sink) {
        return drainTo(sink, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super Runnable> sink, int maxElements) {
        lock.lock();
        try {
            int drained = 0;
            while (size > 0 && drained < maxElements) {
                sink.add(next());
                drained++;
            }
            return drained;
        } finally {
            lock.unlock();
        }
    }

    /** A snapshot in the order the tasks would be taken if none were added; its remove removes from the queue. */
    @Override
    public Iterator<Runnable> iterator() {
        List<Runnable> snapshot = new ArrayList<>();
        lock.lock();
        try {
            List<Iterator<Entry>> cursors = new ArrayList<>();
            lanes.values().forEach(lane -> cursors.add(lane.iterator()));
            while (!cursors.isEmpty()) {
                for (Iterator<Iterator<Entry>> it = cursors.iterator(); it.hasNext();) {
                    Iterator<Entry> cursor = it.next();
                    if (cursor.hasNext()) {
                        snapshot.add(cursor.next().task());
                    } else {
                        it.remove();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        Iterator<Runnable> tasks = snapshot.iterator();
        return new Iterator<>() {
            private Runnable last;

            @Override
            public boolean hasNext() {
                return tasks.hasNext();
            }

            @Override
            public Runnable next() {
                last = tasks.next();
                return last;
            }

            @Override
            public void remove() {
                if (last == null) {
                    throw new IllegalStateException();
                }
                LaneQueue.this.remove(last);
                last = null;
            }
        };
    }
}
