package dev.partnerhub.providers.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.errors.ProviderAuthenticationException;
import dev.partnerhub.providers.spi.errors.ProviderException;
import dev.partnerhub.providers.spi.errors.ProviderNotFoundException;
import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import dev.partnerhub.providers.spi.errors.RemoteError;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How {@link JsonHttp} reads a reply: a success into a {@link JsonHttp.Reply}, a failure into a typed error. */
final class Replies {

    private final Dialect dialect;
    private final ObjectMapper mapper;

    Replies(Dialect dialect, ObjectMapper mapper) {
        this.dialect = dialect;
        this.mapper = mapper;
    }

    /** A success reply: its body must be the JSON the API documents (or empty), never an HTML page or a fragment. */
    JsonHttp.Reply success(String method, URI uri, HttpResponse<String> response) {
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
                        dialect.trackingId(response.headers(), mapper.createObjectNode()), e);
            }
        }
        return new JsonHttp.Reply(response.statusCode(), body, response.headers(), dialect.trackingId(response.headers(), body));
    }

    ProviderException failure(String method, URI uri, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        String trackingId = dialect.trackingId(response.headers(), body);
        List<RemoteError> errors = new ArrayList<>(dialect.errors(body, trackingId));
        String text = dialect.message(body) != null ? dialect.message(body)
                : errors.isEmpty() || errors.get(0).description() == null ? "HTTP " + status
                : errors.get(0).description();
        if (errors.isEmpty()) {
            errors.add(new RemoteError(String.valueOf(status), text, trackingId));
        }
        String message = method + " " + uri.getPath() + " failed with HTTP " + status + ": " + text;
        return switch (status) {
            case 401, 403 -> new ProviderAuthenticationException(message, status, errors, trackingId);
            case 404 -> new ProviderNotFoundException(message, errors, trackingId);
            case 423, 429, 500, 502, 503, 504 -> new ProviderUnavailableException(message, status, errors, trackingId,
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now()), null);
            default -> new ProviderRejectedException(message, status, errors, trackingId);
        };
    }

    /** A failure's body as JSON; an empty object when it has none or it is not JSON. */
    JsonNode body(HttpResponse<String> response) {
        return parse(response.body());
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

}
