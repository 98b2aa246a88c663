package dev.partnerhub.operator.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One lane per controller, served in turn; first in, first out within a lane. */
class LaneQueueTest {

    private final AtomicLong clock = new AtomicLong();
    private final List<String> waits = Collections.synchronizedList(new ArrayList<>());
    private final LaneQueue queue = new LaneQueue(
            new ReconcileQueue.ControllerOfTask(Set.of("customer", "customeruser"), "other"),
            (lane, nanos) -> waits.add(lane + " " + nanos), clock::get);

    @Test
    void lanesTakeTurnsAndEachKeepsItsOrder() {
        queue.offer(task("customeruser", "u1"));
        queue.offer(task("customeruser", "u2"));
        queue.offer(task("customeruser", "u3"));
        queue.offer(task("customer", "c1"));
        queue.offer(task("customer", "c2"));
        queue.offer(task("customeruser", "u4"));

        assertThat(names(queue)).as("the snapshot is in the order of taking")
                .containsExactly("u1", "c1", "u2", "c2", "u3", "u4");
        List<String> taken = new ArrayList<>();
        for (Runnable task; (task = queue.poll()) != null;) {
            taken.add(((Named) task).name);
        }
        assertThat(taken).containsExactly("u1", "c1", "u2", "c2", "u3", "u4");
        assertThat(queue).isEmpty();
    }

    @Test
    void aLaneThatRanDryJoinsAtTheBackWhenItHasWorkAgain() {
        queue.offer(task("customer", "c1"));
        queue.offer(task("customeruser", "u1"));
        queue.offer(task("customeruser", "u2"));
        assertThat(name(queue.poll())).isEqualTo("c1");

        queue.offer(task("customer", "c2"));
        queue.offer(task("other-controller", "x1"));

        assertThat(names(queue)).containsExactly("u1", "c2", "x1", "u2");
        assertThat(queue.size("customeruser")).isEqualTo(2);
        assertThat(queue.size("other")).as("a task of no known controller").isEqualTo(1);
        List<Runnable> drained = new ArrayList<>();
        assertThat(queue.drainTo(drained, 3)).isEqualTo(3);
        assertThat(drained).extracting(LaneQueueTest::name).containsExactly("u1", "c2", "x1");
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void eachTakeReportsItsLaneAndHowLongTheTaskWaited() throws InterruptedException {
        clock.set(1_000);
        queue.offer(task("customeruser", "u1"));
        clock.set(1_500);
        queue.offer(task("customer", "c1"));
        clock.set(4_000);

        queue.take();
        queue.poll(1, TimeUnit.SECONDS);

        assertThat(waits).containsExactly("customeruser 3000", "customer 2500");
        assertThat(queue.poll(10, TimeUnit.MILLISECONDS)).as("empty: the timed poll gives up").isNull();
    }

    @Test
    void removingATaskKeepsTheOthersAndTheTurns() {
        Runnable u1 = task("customeruser", "u1");
        Runnable c1 = task("customer", "c1");
        queue.addAll(List.of(u1, task("customeruser", "u2"), c1, task("customer", "c2")));

        assertThat(queue.remove(c1)).isTrue();
        assertThat(queue.remove(c1)).isFalse();
        Iterator<Runnable> it = queue.iterator();
        assertThat(name(it.next())).isEqualTo("u1");
        it.remove();
        assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);

        assertThat(names(queue)).containsExactly("u2", "c2");
        assertThat(queue.peek()).extracting(LaneQueueTest::name).isEqualTo("u2");
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void aWaitingTakeGetsTheTaskOfferedLater() throws InterruptedException {
        AtomicReference<Runnable> taken = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread taker = new Thread(() -> {
            try {
                taken.set(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        });
        taker.start();

        queue.offer(task("customer", "c1"));

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(name(taken.get())).isEqualTo("c1");
    }

    /**
     * As a thread pool's queue: with its one thread busy and a hundred users queued, a Customer queued after them
     * runs after one of them, not after all of them (first come first served would run it last).
     */
    @Test
    void inAPoolACustomerQueuedBehindAHundredUsersRunsSecond() throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, queue);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        pool.execute(named("customeruser -> busy", () -> await(release)));
        for (int i = 1; i <= 100; i++) {
            pool.execute(task("customeruser", "u" + i, ran));
        }
        pool.execute(task("customer", "c1", ran));

        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(ran).hasSize(101);
        assertThat(ran.subList(0, 3)).containsExactly("u1", "c1", "u2");
    }

    private record Named(String name, String description, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }

        /** As the framework's task names itself. */
        @Override
        public String toString() {
            return description;
        }
    }

    private static Runnable task(String controller, String name) {
        return task(controller, name, new ArrayList<>());
    }

    private static Runnable task(String controller, String name, List<String> ran) {
        return new Named(name, controller + " -> ExecutionScope{resource=ResourceID{name='" + name + "'}}",
                () -> ran.add(name));
    }

    private static Runnable named(String description, Runnable body) {
        return new Named(description, description, body);
    }

    private static String name(Runnable task) {
        return ((Named) task).name;
    }

    private static List<String> names(LaneQueue queue) {
        List<String> names = new ArrayList<>();
        queue.iterator().forEachRemaining(task -> names.add(name(task)));
        return names;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
