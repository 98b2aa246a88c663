package dev.partnerhub.providers.spi.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.errors.ProviderAuthenticationException;
import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import dev.partnerhub.providers.spi.errors.RemoteError;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An OAuth 2.0 token endpoint (RFC 6749, section 6): a form POST of the refresh token grant, answered with
 * {@code access_token}, {@code expires_in} and maybe a new {@code refresh_token}, or refused with
 * {@code {error, error_description}}. A refused grant (400, 401) means a person must sign in again; a 5xx, that the
 * service cannot answer now. Its replies carry credentials: they are never logged, and errors name only the service's
 * error and description.
 */
public final class OAuthTokenEndpoint {

    private final URI endpoint;
    private final HttpClient client;
    private final ObjectMapper mapper;
    private final Duration timeout;

    public OAuthTokenEndpoint(URI endpoint, HttpClient client, ObjectMapper mapper, Duration timeout) {
        this.endpoint = endpoint;
        this.client = client;
        this.mapper = mapper;
        this.timeout = timeout;
    }

    /** The reply's JSON body, once the service accepted the grant. */
    public JsonNode post(Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailableException("POST " + endpoint.getPath() + ": no reply from the identity service "
                    + "(" + e.getClass().getSimpleName() + ")", 0, List.of(), null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted", 0, List.of(), null, null, e);
        }
        JsonNode reply = parse(response);
        int status = response.statusCode();
        if (status < 300 && reply.hasNonNull("access_token")) {
            return reply;
        }
        String error = reply.path("error").asText("HTTP " + status);
        String description = reply.path("error_description").asText("");
        String message = "The identity service refused the refresh token grant (HTTP " + status + ", " + error + "): "
                + description.lines().findFirst().orElse("");
        List<RemoteError> errors = List.of(new RemoteError(error, description.lines().findFirst().orElse(error),
                traceId(reply)));
        if (status >= 500 || status == 429) {
            throw new ProviderUnavailableException(message, status, errors, traceId(reply), null, null);
        }
        if (status < 300) {
            throw new ProviderProtocolException("POST " + endpoint.getPath() + ": the reply has no access_token",
                    status, null, null);
        }
        throw new ProviderAuthenticationException(message, status == 401 ? 401 : 400, errors, traceId(reply));
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return response.body() == null || response.body().isBlank() ? mapper.createObjectNode()
                    : mapper.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderProtocolException("POST " + endpoint.getPath() + ": the identity service's reply (HTTP "
                    + response.statusCode() + ") is not JSON", response.statusCode(), null, e);
        }
    }

    /** The service's ID of the call, for a support request: Webex's trackingID, Microsoft's trace_id. */
    private static String traceId(JsonNode reply) {
        return reply.hasNonNull("trackingID") ? reply.get("trackingID").asText()
                : reply.hasNonNull("trace_id") ? reply.get("trace_id").asText() : null;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
