package dev.partnerhub.providers.spi.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange of {@link JsonHttp}, the whole of it (headers and body) within the request timeout: the JDK
 * client's own timeout stops at the response headers, and a reply that stalls mid-body would otherwise hang the
 * reconcile. Its body is read up to {@link #LARGEST_REPLY}.
 */
final class Exchange {

    /** Larger than any reply the APIs send (a page of 1,000 people is about 2 MB). */
    static final long LARGEST_REPLY = 64L * 1024 * 1024;

    private final HttpClient client;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final CallObserver observer;

    Exchange(HttpClient client, ObjectMapper mapper, Duration timeout, CallObserver observer) {
        this.client = client;
        this.mapper = mapper;
        this.timeout = timeout;
        this.observer = observer;
    }

    /** A reply, and how long it took from sending the request to its whole body. */
    record Answer(String method, URI uri, HttpResponse<String> response, Duration took) {

        /** Tells the observer of the reply, once it is known whether it was the API's ({@code usable}). */
        void tell(CallObserver observer, boolean usable) {
            if (usable) {
                observer.answered(method, uri, response.statusCode(), took);
            } else {
                observer.unusable(method, uri, response.statusCode(), took);
            }
        }
    }

    /** Sends the request; an attempt with no reply is told to the observer here, one with a reply by the caller. */
    Answer send(String method, URI uri, Object body, Map<String, String> headers, String token) {
        HttpRequest request = request(method, uri, body, headers, token);
        long sent = System.nanoTime();
        CompletableFuture<HttpResponse<String>> future = client.sendAsync(request, new LimitedBody(LARGEST_REPLY));
        try {
            HttpResponse<String> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(method, uri, response, Duration.ofNanos(System.nanoTime() - sent));
        } catch (TimeoutException e) {
            future.cancel(true);
            observer.unanswered(method, uri, Duration.ofNanos(System.nanoTime() - sent));
            throw new ProviderProtocolException(method + " " + uri.getPath() + ": no complete reply within "
                    + timeout.toSeconds() + " s", 0, null, e);
        } catch (ExecutionException e) {
            observer.unanswered(method, uri, Duration.ofNanos(System.nanoTime() - sent));
            if (e.getCause() instanceof LimitedBody.TooLarge tooLarge) {
                throw new ProviderProtocolException(method + " " + uri.getPath() + ": " + tooLarge.getMessage(), 0,
                        null, tooLarge);
            }
            throw new ProviderUnavailableException(method + " " + uri.getPath() + ": no reply from the provider ("
                    + e.getCause().getClass().getSimpleName() + ")", 0, List.of(), null, null, e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted", 0, List.of(), null, null, e);
        }
    }

    private HttpRequest request(String method, URI uri, Object body, Map<String, String> headers, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        headers.forEach(builder::header);
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
}
