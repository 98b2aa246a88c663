package dev.partnerhub.providers.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.auth.AccessTokens;
import dev.partnerhub.providers.spi.errors.ProviderException;
import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * JSON over HTTP as provider APIs speak it: a bearer token, the connection's rate limiter, bounded retries with
 * jittered backoff within the connection's retry budget, a 429 or a Retry-After pausing every caller of the connection (a pause longer than a call may
 * wait is handed back to the caller), the whole exchange bounded in time, replies that are not the JSON the
 * API documents turned into errors, and failures typed by HTTP status. A vendor's {@link Dialect} reads its error
 * bodies and tracking IDs and adds its headers. A POST is sent again only when the reply proves it was not processed
 * (429, 423, 503), or when the dialect makes POSTs idempotent (an idempotency key sent unchanged on each attempt).
 */
public final class JsonHttp {

    private static final System.Logger LOG = System.getLogger(JsonHttp.class.getName());

    /** A successful reply: status, body (an empty object when there was none), headers, tracking ID. */
    public record Reply(int status, JsonNode body, HttpHeaders headers, String trackingId) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final String baseUrl;
    private final AccessTokens tokens;
    private final ConnectionGate gate;
    private final RetryPolicy policy;
    private final Dialect dialect;
    private final HttpClient client;
    private final ObjectMapper mapper;
    private final Replies replies;
    private final Exchange exchange;
    private final CallObserver observer;

    public JsonHttp(String baseUrl, AccessTokens tokens, RateLimiter limiter, RetryPolicy policy, Dialect dialect,
            HttpClient client, ObjectMapper mapper) {
        this(baseUrl, tokens, limiter, CircuitBreaker.defaults(), policy, dialect, client, mapper);
    }

    /** With the connection's circuit breaker, shared like its limiter by every caller of the connection. */
    public JsonHttp(String baseUrl, AccessTokens tokens, RateLimiter limiter, CircuitBreaker breaker,
            RetryPolicy policy, Dialect dialect, HttpClient client, ObjectMapper mapper) {
        this(baseUrl, tokens, limiter, breaker, policy, dialect, client, mapper, CallObserver.NONE);
    }

    /** With the connection's observer, told of every attempt, every pause asked for and every wait for a turn. */
    public JsonHttp(String baseUrl, AccessTokens tokens, RateLimiter limiter, CircuitBreaker breaker,
            RetryPolicy policy, Dialect dialect, HttpClient client, ObjectMapper mapper, CallObserver observer) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tokens = tokens;
        this.gate = new ConnectionGate(limiter, breaker, policy.maxInlineWait(), observer);
        this.policy = policy;
        this.dialect = dialect;
        this.client = client;
        this.mapper = mapper;
        this.replies = new Replies(dialect, mapper);
        this.exchange = new Exchange(client, mapper, policy.requestTimeout(), observer);
        this.observer = observer;
    }

    /**
     * The JDK client's own retries, read by the JDK once, when it first sends. It would otherwise send a GET again
     * by itself when its reply is lost on a reused connection ("connection expired"), unseen by the connection's
     * rate limiter and circuit breaker (a soak measured 115 calls in one second where the limit allows 100): one
     * attempt per call, and the operator's own retries, through the limiter, decide. Redirects are never followed.
     */
    static final String JDK_ATTEMPTS = "jdk.httpclient.redirects.retrylimit";

    /** A client whose connections time out after ten seconds and that never sends a call twice by itself. */
    public static HttpClient defaultClient() {
        if (System.getProperty(JDK_ATTEMPTS) == null) {
            System.setProperty(JDK_ATTEMPTS, "1");
        }
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** A GET; a query value may be a list, sent as the parameter repeated ({@code a=1&a=2}). */
    public Reply get(String path, Map<String, ?> query) {
        return send("GET", uri(path, query), null, Map.of());
    }

    /** A GET of a URL the provider gave (a next-page link); one to another host is refused. */
    public Reply getUrl(URI url) {
        return getUrl(url, Map.of());
    }

    /**
     * A GET of a URL the provider gave, with the headers it asked for (a continuation token). A URL on another host
     * or scheme than the connection's endpoint would carry the connection's token there: it is refused, unsent.
     */
    public Reply getUrl(URI url, Map<String, String> headers) {
        URI base = URI.create(baseUrl);
        if (!base.getScheme().equalsIgnoreCase(url.getScheme())
                || !base.getAuthority().equalsIgnoreCase(url.getAuthority())) {
            throw new ProviderProtocolException("GET " + url.getPath() + ": the provider's link points to another "
                    + "host (" + url.getScheme() + "://" + url.getAuthority() + ") than the connection's endpoint; "
                    + "it is not followed", 0, null, null);
        }
        return send("GET", url, null, headers);
    }

    public Reply post(String path, Object body) {
        return send("POST", uri(path, Map.of()), body, Map.of());
    }

    public Reply put(String path, Object body) {
        return put(path, Map.of(), body);
    }

    public Reply put(String path, Map<String, ?> query, Object body) {
        return send("PUT", uri(path, query), body, Map.of());
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", uri(path, Map.of()), body, Map.of());
    }

    public Reply delete(String path) {
        return send("DELETE", uri(path, Map.of()), null, Map.of());
    }

    public URI uri(String path, Map<String, ?> query) {
        String q = query.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .flatMap(e -> (e.getValue() instanceof java.util.Collection<?> values ? values.stream()
                        : java.util.stream.Stream.of(e.getValue())).map(v -> enc(e.getKey()) + "=" + enc(v.toString())))
                .collect(Collectors.joining("&"));
        return URI.create(baseUrl + path + (q.isEmpty() ? "" : "?" + q));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Reply send(String method, URI uri, Object body, Map<String, String> extra) {
        boolean idempotent = !"POST".equals(method) || dialect.postIsIdempotent();
        Map<String, String> sent = null;
        boolean replied = false;
        boolean renewed = false;
        gate.called();
        for (int attempt = 1; ; attempt++) {
            sent = dialect.attemptHeaders(method, sent, replied);
            Map<String, String> headers = new LinkedHashMap<>(sent);
            headers.putAll(extra);
            String token = tokens.current();
            ConnectionGate.Pass pass = gate.enter(method, uri);
            HttpResponse<String> response = null;
            Exchange.Answer answer = null;
            try {
                answer = exchange.send(method, uri, body, headers, token);
                response = answer.response();
                if (response.statusCode() < 300) {
                    Reply reply = replies.success(method, uri, response);
                    answer.tell(observer, true);
                    gate.answered();
                    LOG.log(System.Logger.Level.DEBUG, () -> method + " " + uri.getPath() + " -> " + reply.status());
                    return reply;
                }
                answer.tell(observer, true);
            } catch (ProviderUnavailableException e) {
                // No reply, or one that is not the API's (a protocol error is one of these).
                if (answer != null) {
                    answer.tell(observer, false);
                }
                gate.failed(e.getMessage());
                if (!idempotent || attempt >= policy.maxAttempts() || !gate.mayRetry()) {
                    throw e;
                }
                response = null;
            } catch (RuntimeException e) {
                // The operator's own fault (a request it could not build): no outcome of the provider's.
                gate.abandoned();
                throw e;
            } finally {
                // Freed before any wait for a retry: a call that waits holds no place among those in flight.
                pass.close();
            }
            if (response == null) {
                replied = false;
                pause(backoff(attempt));
                continue;
            }
            replied = true;
            int status = response.statusCode();
            LOG.log(System.Logger.Level.DEBUG, () -> method + " " + uri.getPath() + " -> " + status);
            ProviderException failure;
            try {
                failure = replies.failure(method, uri, response);
            } catch (RuntimeException e) {
                gate.abandoned();
                throw e;
            }
            if (status >= 500) {
                gate.failed(failure.getMessage());
            } else {
                gate.answered();
            }
            if (status == 401 && !renewed && dialect.tokenRefused(replies.body(response))
                    && tokens.renewAfterRejection(token)) {
                // An access token the service no longer takes (expired on its clock, revoked): once more with a new one.
                renewed = true;
                attempt--;
                continue;
            }
            boolean retryable = failure instanceof ProviderUnavailableException
                    && (idempotent || status == 429 || status == 423 || status == 503);
            Duration retryAfter = failure instanceof ProviderUnavailableException u ? u.retryAfter() : null;
            // The provider asked this connection to slow down: every caller waits, not only this one, whether or not
            // this call is tried again.
            boolean slowDown = retryAfter != null || status == 429;
            boolean waitHere = !slowDown || gate.pause(retryAfter != null ? retryAfter : backoff(attempt));
            // A retry after a pause the provider asked for goes at the pace it set; any other spends the budget.
            if (!retryable || attempt >= policy.maxAttempts() || !waitHere || !slowDown && !gate.mayRetry()) {
                throw failure;
            }
            if (!slowDown) {
                pause(backoff(attempt));
            }
        }
    }

    /** Full jitter: anywhere up to the exponential bound, so that callers who failed together retry apart. */
    private Duration backoff(int attempt) {
        long cap = Math.min(policy.maxBackoff().toMillis(), policy.initialBackoff().toMillis() << (attempt - 1));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted", 0, List.of(), null, null, e);
        }
    }
}
