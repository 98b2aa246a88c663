package dev.partnerhub.providers.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.partnerhub.providers.spi.auth.AccessTokens;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import dev.partnerhub.providers.spi.errors.RemoteError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection as the unit of protection: what one caller hears from the provider slows down every caller. */
class JsonHttpTest {

    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(400),
            Duration.ofSeconds(5), Duration.ofSeconds(10));

    private final Queue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aRetryAfterHeardByOneCallerHoldsTheOtherCallersOfTheConnection() throws Exception {
        // The first call is told to come back in 1.5 s; every other call succeeds.
        serve(n -> n == 1 ? new int[] {429, 1500} : new int[] {200, 0});
        RateLimiter limiter = new RateLimiter(50, 5);
        JsonHttp http = http(limiter);
        Thread first = new Thread(() -> http.get("/things", Map.of()));
        first.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (limiter.pausedFor().isZero() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(limiter.pausedFor()).as("the first call heard its 429").isPositive();
        long paused = System.nanoTime();
        http.get("/other", Map.of());
        first.join();

        assertThat(arrivals).hasSize(3);
        List<Long> after = arrivals.stream().skip(1).toList();
        assertThat(after).as("no call reaches the provider before the pause it asked for is over")
                .allSatisfy(t -> assertThat(t - paused).isGreaterThanOrEqualTo(
                        Duration.ofMillis(1000).toNanos()));
    }

    @Test
    void aRetryAfterLongerThanACallMayWaitIsHandedBackAndTheNextCallIsNotSent() throws Exception {
        serve(n -> new int[] {429, 60_000});
        RateLimiter limiter = new RateLimiter(50, 5);
        JsonHttp http = http(limiter);
        assertThatThrownBy(() -> http.get("/things", Map.of()))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.ofSeconds(60)));
        assertThatThrownBy(() -> http.post("/things", Map.of("a", 1)))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.getMessage()).contains("not sent");
                    assertThat(e.retryAfter()).isPositive();
                });
        assertThat(arrivals).as("only the first call reached the provider").hasSize(1);
    }

    @Test
    void aRetryAfterHeardOnTheLastAttemptStillPausesTheConnection() throws Exception {
        serve(n -> new int[] {429, 300});
        RateLimiter limiter = new RateLimiter(50, 5);
        JsonHttp http = http(limiter);
        assertThatThrownBy(() -> http.get("/things", Map.of())).isInstanceOf(ProviderUnavailableException.class);
        assertThat(arrivals).hasSize(POLICY.maxAttempts());
        assertThat(limiter.pausedFor()).as("the others wait out the last Retry-After too").isPositive();
    }

    @Test
    void retryAfterZeroOnEveryReplyKeepsTheConnectionToItsRate() throws Exception {
        serve(n -> new int[] {429, 0});
        RateLimiter limiter = new RateLimiter(20, 1);
        JsonHttp http = http(limiter);
        ExecutorService callers = Executors.newFixedThreadPool(6);
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            callers.submit(() -> {
                while (System.nanoTime() - start < Duration.ofSeconds(2).toNanos()) {
                    try {
                        http.get("/things", Map.of());
                    } catch (ProviderUnavailableException expected) {
                        // Refused after its attempts; the next call follows at once.
                    }
                }
            });
        }
        callers.shutdown();
        assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        long span = arrivals.stream().mapToLong(Long::longValue).max().orElseThrow() - start;
        assertThat(arrivals.size()).as("one at once, then 20 per second over %d ms", span / 1_000_000)
                .isLessThanOrEqualTo(1 + (int) (20 * span / 1e9) + 1);
    }

    @Test
    void aSlowProviderHoldsNoMoreThanTheBurstOfCallsAtOnceAndTheRestAreHandedBack() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        JsonHttp http = http(new RateLimiter(100, 3));
        ExecutorService callers = Executors.newFixedThreadPool(5);
        List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(callers.submit(() -> http.get("/slow", Map.of())));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (calls.stream().filter(java.util.concurrent.Future::isDone).count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<Throwable> handedBack = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<?> call : calls.stream().filter(java.util.concurrent.Future::isDone).toList()) {
            try {
                call.get();
            } catch (java.util.concurrent.ExecutionException e) {
                handedBack.add(e.getCause());
            }
        }
        assertThat(handedBack).as("the two beyond the burst, while the provider holds three").hasSize(2)
                .allSatisfy(e -> assertThat(e).isInstanceOf(ProviderUnavailableException.class)
                        .hasMessageContaining("3 calls in flight"));
        release.countDown();
        callers.shutdown();
        assertThat(callers.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void aLinkToAnotherHostIsNotFollowedAndTheTokenGoesNowhere() throws Exception {
        serve(n -> new int[] {200, 0});
        JsonHttp http = http(new RateLimiter(50, 5));
        for (String link : List.of("http://elsewhere.example.com:" + server.getAddress().getPort() + "/things",
                "https://127.0.0.1:" + server.getAddress().getPort() + "/things",
                "http://127.0.0.1:1/things")) {
            assertThatThrownBy(() -> http.getUrl(java.net.URI.create(link)))
                    .isInstanceOf(dev.partnerhub.providers.spi.errors.ProviderProtocolException.class)
                    .hasMessageContaining("another host");
        }
        assertThat(arrivals).isEmpty();
        http.getUrl(java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/things?page=2"));
        assertThat(arrivals).hasSize(1);
    }

    @Test
    void aReplyLargerThanTheLimitIsCutOffAsAProtocolError() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"items\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        var client = JsonHttp.defaultClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                + server.getAddress().getPort() + "/big")).build();
        assertThat(client.send(request, new LimitedBody(10_000)).body()).hasSize(5012);
        assertThatThrownBy(() -> client.send(request, new LimitedBody(1_000)))
                .hasRootCauseInstanceOf(LimitedBody.TooLarge.class);
    }

    @Test
    void aProviderFailingEveryCallGetsItsCallsAndABudgetOfRetriesNotFourAttemptsEach() throws Exception {
        serve(n -> new int[] {500, 0});
        // A circuit that stays closed: the budget alone holds the retries back.
        CircuitBreaker closed = new CircuitBreaker(10_000, Duration.ofSeconds(5), Duration.ofMinutes(1),
                Duration.ofHours(1), java.time.Clock.systemUTC());
        JsonHttp http = new JsonHttp("http://127.0.0.1:" + server.getAddress().getPort(), AccessTokens.of(() -> "t"),
                new RateLimiter(1000, 1000), closed, new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(2),
                        Duration.ofSeconds(5), Duration.ofSeconds(10)), dialect(), JsonHttp.defaultClient(),
                new ObjectMapper());
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> http.get("/things", Map.of())).isInstanceOf(ProviderUnavailableException.class);
        }
        // 100 calls; 10 retries saved up, one earned by every ten calls, and the minute's refill of the few seconds.
        assertThat(arrivals).as("requests the provider received").hasSizeBetween(101, 125);
    }

    @Test
    void theObserverHearsEachAttemptItsStatusThePauseAskedForAndTheWaitForATurn() throws Exception {
        // A 429 asking for 1 s, a 404; then a success whose body is an HTML page, and a success: four attempts of
        // two calls.
        serve(n -> n == 1 ? new int[] {429, 1000} : n == 2 ? new int[] {404, 0} : n == 3 ? new int[] {200, -1}
                : new int[] {200, 0});
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Duration> turns = new java.util.concurrent.CopyOnWriteArrayList<>();
        CallObserver observer = new CallObserver() {
            @Override
            public void answered(String method, java.net.URI uri, int status, Duration took) {
                assertThat(took).isPositive();
                heard.add(method + " " + uri.getPath() + " " + status);
            }

            @Override
            public void unusable(String method, java.net.URI uri, int status, Duration took) {
                heard.add(method + " " + uri.getPath() + " " + status + " not the API's");
            }

            @Override
            public void throttled(Duration wait) {
                heard.add("throttled " + wait.toMillis());
            }

            @Override
            public void waitedForTurn(Duration waited) {
                turns.add(waited);
            }
        };
        JsonHttp http = new JsonHttp("http://127.0.0.1:" + server.getAddress().getPort(), AccessTokens.of(() -> "t"),
                new RateLimiter(50, 5), CircuitBreaker.defaults(), POLICY, dialect(), JsonHttp.defaultClient(),
                new ObjectMapper(), observer);

        assertThatThrownBy(() -> http.get("/things/1", Map.of())).isInstanceOf(
                dev.partnerhub.providers.spi.errors.ProviderNotFoundException.class);
        http.get("/things/2", Map.of());

        assertThat(heard).containsExactly("GET /things/1 429", "throttled 1000", "GET /things/1 404",
                "GET /things/2 200 not the API's", "GET /things/2 200");
        assertThat(turns).as("one turn per attempt; the one after the pause waited it out").hasSize(4);
        assertThat(turns.get(1)).isGreaterThan(Duration.ofMillis(500));
    }

    /** Answers the n-th call (from 1) with {status, Retry-After in ms (0: the header says 0; -1: an HTML body)}. */
    private void serve(IntFunction<int[]> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/", exchange -> {
            arrivals.add(System.nanoTime());
            int[] reply = answer.apply(calls.incrementAndGet());
            byte[] body = (reply[1] < 0 ? "<html>Down for maintenance</html>" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply[1] < 0 ? "text/html" : "application/json");
            if (reply[0] == 429) {
                exchange.getResponseHeaders().add("Retry-After", reply[1] % 1000 == 0
                        ? Integer.toString(reply[1] / 1000) : Double.toString(reply[1] / 1000.0));
            }
            exchange.sendResponseHeaders(reply[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private JsonHttp http(RateLimiter limiter) {
        return new JsonHttp("http://127.0.0.1:" + server.getAddress().getPort(), AccessTokens.of(() -> "t"), limiter,
                POLICY, dialect(), JsonHttp.defaultClient(), new ObjectMapper());
    }

    private static Dialect dialect() {
        return new Dialect() {
            @Override
            public String trackingId(HttpHeaders headers, JsonNode body) {
                return null;
            }

            @Override
            public List<RemoteError> errors(JsonNode body, String trackingId) {
                return List.of();
            }
        };
    }
}
