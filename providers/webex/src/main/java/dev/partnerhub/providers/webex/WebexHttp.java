package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.ProviderAuthenticationException;
import dev.partnerhub.providers.spi.ProviderException;
import dev.partnerhub.providers.spi.ProviderNotFoundException;
import dev.partnerhub.providers.spi.ProviderProtocolException;
import dev.partnerhub.providers.spi.ProviderRejectedException;
import dev.partnerhub.providers.spi.ProviderUnavailableException;
import dev.partnerhub.providers.spi.RateLimiter;
import dev.partnerhub.providers.spi.RemoteError;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The HTTP side of the Webex APIs: bearer token, the connection's rate limiter, bounded retries with
 * jittered backoff that honour Retry-After, RFC 5988 paging, and Webex error bodies mapped to typed
 * {@link ProviderException}s. A POST is retried only when the reply proves it was not processed (429, 423,
 * 503); otherwise its caller looks the object up before trying again.
 */
public final class WebexHttp {

    private static final System.Logger LOG = System.getLogger(WebexHttp.class.getName());
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    /** Bounds of the in-call retries; a longer Retry-After is handed to the caller instead of slept. */
    public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxInlineWait,
            Duration requestTimeout) {

        public static RetryPolicy defaults() {
            return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(5),
                    Duration.ofSeconds(30));
        }
    }

    /** A successful response: status, body (or an empty object), Location, the next page's URL, tracking ID. */
    public record Reply(int status, JsonNode body, String location, String next, String trackingId) {
    }

    private final String baseUrl;
    private final Supplier<String> token;
    private final RateLimiter limiter;
    private final RetryPolicy policy;
    private final HttpClient client;
    private final ObjectMapper mapper;

    public WebexHttp(String baseUrl, Supplier<String> token, RateLimiter limiter, RetryPolicy policy,
            HttpClient client, ObjectMapper mapper) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.limiter = limiter;
        this.policy = policy;
        this.client = client;
        this.mapper = mapper;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Reply get(String path, Map<String, String> query) {
        return send("GET", uri(path, query), null);
    }

    /** Every item of a paged list, following the Link headers. A page without its items array is an error. */
    public List<JsonNode> getAll(String path, Map<String, String> query) {
        List<JsonNode> items = new ArrayList<>();
        URI next = uri(path, query);
        while (next != null) {
            Reply reply = send("GET", next, null);
            JsonNode page = reply.body().get("items");
            if (page == null || !page.isArray()) {
                throw new ProviderProtocolException("GET " + next.getPath() + ": the list reply has no items array",
                        reply.status(), reply.trackingId(), null);
            }
            page.forEach(items::add);
            next = reply.next() == null ? null : URI.create(reply.next());
        }
        return items;
    }

    public Reply post(String path, Object body) {
        return send("POST", uri(path, Map.of()), body);
    }

    public Reply put(String path, Object body) {
        return send("PUT", uri(path, Map.of()), body);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", uri(path, Map.of()), body);
    }

    public Reply delete(String path) {
        return send("DELETE", uri(path, Map.of()), null);
    }

    private URI uri(String path, Map<String, String> query) {
        String q = query.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(baseUrl + path + (q.isEmpty() ? "" : "?" + q));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Reply send(String method, URI uri, Object body) {
        boolean idempotent = !"POST".equals(method);
        for (int attempt = 1; ; attempt++) {
            limiter.acquire();
            HttpResponse<String> response;
            try {
                response = exchange(method, uri, body);
                if (response.statusCode() < 300) {
                    Reply reply = reply(method, uri, response);
                    LOG.log(System.Logger.Level.DEBUG, () -> method + " " + uri.getPath() + " -> " + reply.status());
                    return reply;
                }
            } catch (ProviderUnavailableException e) {
                if (!idempotent || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                pause(backoff(attempt));
                continue;
            }
            int status = response.statusCode();
            LOG.log(System.Logger.Level.DEBUG, () -> method + " " + uri.getPath() + " -> " + status);
            ProviderException failure = failure(method, uri, response);
            boolean retryable = failure instanceof ProviderUnavailableException
                    && (idempotent || status == 429 || status == 423 || status == 503);
            if (!retryable || attempt >= policy.maxAttempts()) {
                throw failure;
            }
            Duration retryAfter = ((ProviderUnavailableException) failure).retryAfter();
            Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
            if (wait.compareTo(policy.maxInlineWait()) > 0) {
                throw failure;
            }
            pause(wait);
        }
    }

    /**
     * One exchange, the whole of it (headers and body) within the request timeout: the JDK client's own timeout
     * stops at the response headers, and a reply that stalls mid-body would otherwise hang the reconcile.
     */
    private HttpResponse<String> exchange(String method, URI uri, Object body) {
        CompletableFuture<HttpResponse<String>> future = client.sendAsync(request(method, uri, body),
                HttpResponse.BodyHandlers.ofString());
        try {
            return future.get(policy.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderProtocolException(method + " " + uri.getPath() + ": no complete reply within "
                    + policy.requestTimeout().toSeconds() + " s", 0, null, e);
        } catch (ExecutionException e) {
            throw new ProviderUnavailableException(method + " " + uri.getPath() + ": no reply from the provider ("
                    + e.getCause().getClass().getSimpleName() + ")", 0, List.of(), null, null, e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted", 0, List.of(), null, null, e);
        }
    }

    private HttpRequest request(String method, URI uri, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(policy.requestTimeout())
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json");
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        try {
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialize the request body", e);
        }
    }

    /** A success reply: its body must be the JSON the API documents (or empty), never an HTML page or a fragment. */
    private Reply reply(String method, URI uri, HttpResponse<String> response) {
        String trackingId = response.headers().firstValue("TrackingID").orElse(null);
        String text = response.body();
        JsonNode body;
        if (text == null || text.isBlank()) {
            body = mapper.createObjectNode();
        } else {
            String contentType = response.headers().firstValue("Content-Type").orElse("application/json");
            try {
                if (!contentType.contains("json")) {
                    throw new IOException("Content-Type " + contentType);
                }
                body = mapper.readTree(text);
            } catch (IOException e) {
                throw new ProviderProtocolException(method + " " + uri.getPath() + ": the reply (HTTP "
                        + response.statusCode() + ", " + text.length() + " characters) is not the JSON the API "
                        + "documents: " + e.getMessage().lines().findFirst().orElse(""), response.statusCode(),
                        trackingId, e);
            }
        }
        String next = response.headers().firstValue("Link").map(WebexHttp::nextLink).orElse(null);
        return new Reply(response.statusCode(), body, response.headers().firstValue("Location").orElse(null), next,
                trackingId);
    }

    private static String nextLink(String header) {
        Matcher m = NEXT_LINK.matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private ProviderException failure(String method, URI uri, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        String trackingId = body.hasNonNull("trackingId") ? body.get("trackingId").asText()
                : response.headers().firstValue("TrackingID").orElse(null);
        List<RemoteError> errors = new ArrayList<>();
        body.path("errors").forEach(e -> errors.add(new RemoteError(
                e.hasNonNull("errorCode") ? e.get("errorCode").asText() : e.path("code").asText(null),
                e.path("description").asText(body.path("message").asText(null)), trackingId)));
        String text = body.path("message").asText(errors.isEmpty() ? "HTTP " + status : errors.get(0).description());
        if (errors.isEmpty()) {
            errors.add(new RemoteError(String.valueOf(status), text, trackingId));
        }
        String message = method + " " + uri.getPath() + " failed with HTTP " + status + ": " + text;
        return switch (status) {
            case 401, 403 -> new ProviderAuthenticationException(message, status, errors, trackingId);
            case 404 -> new ProviderNotFoundException(message, errors, trackingId);
            case 423, 429, 500, 502, 503, 504 -> new ProviderUnavailableException(message, status, errors, trackingId,
                    response.headers().firstValue("Retry-After").map(WebexHttp::seconds).orElse(null), null);
            default -> new ProviderRejectedException(message, status, errors, trackingId);
        };
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private Duration backoff(int attempt) {
        long cap = Math.min(policy.maxBackoff().toMillis(), policy.initialBackoff().toMillis() << (attempt - 1));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
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
