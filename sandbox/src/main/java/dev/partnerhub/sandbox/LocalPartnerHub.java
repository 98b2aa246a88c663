package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.partnerhub.sandbox.partnercenter.PartnerCenterSurface;
import dev.partnerhub.sandbox.oauth.OAuthAdminApi;
import dev.partnerhub.sandbox.oauth.TokenIssuer;
import dev.partnerhub.sandbox.webex.WebexSurface;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local partner hub: a real HTTP server that behaves like the vendors' provisioning systems, so that the
 * operator can be tried and tested without a partner account. Webex-shaped and Partner-Center-shaped endpoints
 * (one {@link Surface} each) live under {@code /v1} and need the bearer token; the admin endpoint lives under
 * {@code /admin}.
 */
public final class LocalPartnerHub implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalPartnerHub.class.getName());

    private final HubSettings settings;
    private final AdjustableClock clock = AdjustableClock.followingTheSystem();
    private final TokenIssuer issuer = new TokenIssuer(clock);
    private final List<Surface> surfaces;
    private final Object lock = new Object();
    private final Faults faults = new Faults();
    private final RequestCounts requests = new RequestCounts();
    private final Router router = new Router();
    private final List<Consumer<RecordedExchange>> listeners = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;

    private LocalPartnerHub(HubSettings settings) throws IOException {
        this.settings = settings;
        this.surfaces = List.of(new WebexSurface(settings, clock, this::url, issuer),
                new PartnerCenterSurface(clock, issuer));
        surfaces.forEach(s -> s.register(router));
        new AdminApi(faults, requests, clock, surfaces).register(router);
        new OAuthAdminApi(issuer).register(router);
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
        // A thread per call in flight: a call is counted in its second when it arrives, not when one of a few
        // workers frees up (a stalled or slow reply holds its thread), which would bunch the counts of calls the
        // operator spread out.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-partner-hub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a hub with these settings and returns once it accepts connections. */
    public static LocalPartnerHub start(HubSettings settings) throws IOException {
        LocalPartnerHub hub = new LocalPartnerHub(settings);
        hub.server.start();
        LOG.info(() -> "Local partner hub listening on " + hub.url());
        return hub;
    }

    /** Base URL of the hub, without the API version: {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://" + settings.host() + ":" + server.getAddress().getPort();
    }

    /** Base URL of the Webex-shaped API, for a PartnerConnection's {@code spec.endpoint}. */
    public String apiUrl() {
        return url() + "/v1";
    }

    public String token() {
        return settings.token();
    }

    /**
     * The hub's own token and every client secret and token its identity services ever handed out: what no status,
     * Event or log line of the operator may show (a test's scan; not served over HTTP).
     */
    public Set<String> credentials() {
        Set<String> all = new HashSet<>(issuer.handedOut());
        all.add(settings.token());
        return all;
    }

    /** Every exchange on the API and admin endpoints is passed to the listener once answered. */
    public void addListener(Consumer<RecordedExchange> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String trackingId = "LOCALHUB_" + UUID.randomUUID();
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod();
        Map<String, List<String>> query = parseQuery(uri.getRawQuery());
        HubResponse response;
        Faults.Fault fault = null;
        boolean counted = false;
        boolean authenticated = false;
        Map<String, String> requestHeaders = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> requestHeaders.put(k.toLowerCase(java.util.Locale.ROOT),
                String.join(",", v)));
        Surface owner = owner(uri.getPath());
        try {
            Router.Match match = router.match(method, uri.getPath());
            if (match.route().access() == Router.Access.BEARER) {
                requests.count(method, match.route().template());
                counted = true;
                authenticate(exchange, owner);
                authenticated = true;
                if (faults.overLimit(java.time.Instant.now().getEpochSecond())) {
                    throw new HubError(429, HubError.HUB_RATE_LIMITED, "Too many requests: the local hub's own limit "
                            + "of calls per second is reached.", 1);
                }
                fault = faults.take(method, uri.getPath());
            }
            java.util.Optional<HubResponse> replayed = authenticated ? owner.replay(method, requestHeaders)
                    : java.util.Optional.empty();
            String contentType = uri.getPath().startsWith("/admin/") ? null : requestHeaders.get("content-type");
            response = replayed.isPresent() ? replayed.get() : handle(match, fault, new HubRequest(method, uri.getPath(),
                    query, match.pathParams(), parse(requestBody, contentType), requestHeaders));
        } catch (HubError e) {
            if (!counted && uri.getPath().startsWith("/v1/")) {
                requests.count(method, uri.getPath());
            }
            response = error(e, uri.getPath(), trackingId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Local partner hub failed on " + method + " " + uri.getPath(), e);
            response = error(new HubError(500, HubError.HUB_INTERNAL, "Internal error of the local partner hub."), uri.getPath(),
                    trackingId);
        }
        if (authenticated) {
            owner.answered(method, requestHeaders, response);
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("TrackingID", trackingId);
        // Partner Center's replies carry the caller's request and correlation IDs back.
        for (String echoed : List.of("MS-RequestId", "MS-CorrelationId")) {
            String value = exchange.getRequestHeaders().getFirst(echoed);
            if (value != null) {
                headers.put(echoed, value);
            }
        }
        String body = response.body() == null ? "" : Json.MAPPER.writeValueAsString(response.body());
        record(exchange, method, uri.getPath(), query, requestBody, response.status(), headers, body);
        new Reply(response.status(), headers, body, fault).send(exchange);
    }

    /** A request the hub handles (after the latency and the status of an injected fault, if any). */
    private HubResponse handle(Router.Match match, Faults.Fault fault, HubRequest request) {
        if (fault != null && fault.latencyMs() > 0) {
            sleep(fault.latencyMs());
        }
        if (fault != null && fault.status() > 0) {
            throw new HubError(fault.status(), 9000 + fault.status(), "Injected fault: HTTP " + fault.status() + ".",
                    fault.retryAfterSeconds(), fault.retryAfterHeader(clock.instant()));
        }
        synchronized (lock) {
            surfaces.forEach(Surface::settle);
            HubResponse response = match.route().handler().apply(request);
            return fault == null ? response : fault.lagging(response, clock.instant());
        }
    }

    /**
     * A bearer token: the hub's own static token (it never expires: a convenience of the local hub, like a developer
     * token with no end), or an access token the surface's identity service issued and that has not expired on the
     * hub's clock.
     */
    private void authenticate(HttpExchange exchange, Surface owner) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        boolean valid = header != null && (header.equals("Bearer " + settings.token())
                || header.startsWith("Bearer ") && issuer.accepts(owner.identityService(), header.substring(7)));
        if (!valid) {
            throw new HubError(401, HubError.HUB_UNAUTHENTICATED, "The request requires a valid access token set in "
                    + "the Authorization request header.");
        }
    }

    /** The surface a path belongs to (Webex's for any other path). */
    private Surface owner(String path) {
        return surfaces.stream().filter(s -> s.owns(path)).findFirst().orElse(surfaces.get(0));
    }

    /** A failure in the shape of the surface the path belongs to. */
    private HubResponse error(HubError e, String path, String trackingId) {
        ObjectNode body = owner(path).error(e, trackingId);
        Map<String, String> headers = e.retryAfter() == null ? Map.of() : Map.of("Retry-After", e.retryAfter());
        return new HubResponse(e.status(), headers, body);
    }

    private void record(HttpExchange exchange, String method, String path, Map<String, List<String>> query,
            String requestBody, int status, Map<String, String> responseHeaders, String responseBody) {
        if (listeners.isEmpty()) {
            return;
        }
        Map<String, String> requestHeaders = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> requestHeaders.put(k, String.join(",", v)));
        RecordedExchange recorded = new RecordedExchange(method, path, query, requestHeaders, requestBody, status,
                responseHeaders, responseBody);
        listeners.forEach(l -> l.accept(recorded));
    }

    /**
     * A body as its Content-Type says (a form for the token endpoints, else JSON); null: JSON (the admin endpoint, the
     * hub's own, takes JSON however a caller labels it, as {@code curl -d} labels everything a form).
     */
    private static JsonNode parse(String body, String contentType) {
        if (body.isBlank()) {
            return Json.object();
        }
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode form = Json.object();
            parseQuery(body).forEach((k, v) -> form.put(k, v.get(0)));
            return form;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw HubError.badRequest(HubError.HUB_MALFORMED, "The request body is not valid JSON.");
        }
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
        }
        return query;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a hub on its own: {@code LocalPartnerHub [port] [token]}. */
    public static void main(String[] args) throws Exception {
        HubSettings settings = HubSettings.defaults().withPort(args.length > 0 ? Integer.parseInt(args[0]) : 18089);
        if (args.length > 1) {
            settings = settings.withToken(args[1]);
        }
        try (LocalPartnerHub hub = start(settings)) {
            System.out.println("Local partner hub: " + hub.apiUrl());
            Thread.currentThread().join();
        }
    }
}
