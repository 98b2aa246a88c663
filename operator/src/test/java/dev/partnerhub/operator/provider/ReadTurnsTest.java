package dev.partnerhub.operator.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.partnerhub.providers.spi.errors.ProviderBusyException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** The turn of a read: the reader that holds it keeps it; another is handed back, naming what it wanted. */
class ReadTurnsTest {

    @Test
    void aSecondReaderIsHandedBackAndTheTurnIsFreeOnceTheFirstEnds() throws Exception {
        ReentrantLock reading = new ReentrantLock();
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = pool.submit(() -> {
                ReadTurns.take(reading, "the licences of org o");
                try {
                    taken.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    reading.unlock();
                }
                return null;
            });
            assertThat(taken.await(5, TimeUnit.SECONDS)).isTrue();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> ReadTurns.take(reading,
                    "the licences of org o")).isInstanceOf(ProviderBusyException.class)
                    .hasMessageContaining("the licences of org o"));

            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            ReadTurns.take(reading, "the licences of org o");
            assertThat(reading.isHeldByCurrentThread()).isTrue();
            reading.unlock();
        } finally {
            pool.shutdownNow();
        }
    }
}
