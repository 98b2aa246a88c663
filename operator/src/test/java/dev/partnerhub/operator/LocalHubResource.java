package dev.partnerhub.operator;

import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.LocalPartnerHub;
import dev.partnerhub.sandbox.RecordedExchange;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Starts a real local partner hub next to the operator under test, with short provisioning delays. */
public class LocalHubResource implements QuarkusTestResourceLifecycleManager {

    static volatile LocalPartnerHub hub;
    /** Every exchange with the hub, for tests that must see the wire (a 206, a call that must not happen). */
    static final java.util.List<dev.partnerhub.sandbox.RecordedExchange> EXCHANGES =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every credential of every hub of this test run, and every password sent to one: what no output may show. */
    private static final Set<String> SUITE_CREDENTIALS = ConcurrentHashMap.newKeySet();

    /** The credentials of the whole run so far. */
    static Set<String> credentials() {
        if (hub != null) {
            SUITE_CREDENTIALS.addAll(hub.credentials());
        }
        return Set.copyOf(SUITE_CREDENTIALS);
    }

    @Override
    public Map<String, String> start() {
        try {
            hub = LocalPartnerHub.start(HubSettings.defaults().withDelays(Duration.ofMillis(300), Duration.ofMillis(200)));
            hub.addListener(EXCHANGES::add);
            hub.addListener(LocalHubResource::rememberPasswords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("test.hub.url", hub.url());
    }

    /** A temporary password the operator sent (Partner Center's passwordProfile). */
    private static void rememberPasswords(RecordedExchange exchange) {
        String body = exchange.requestBody();
        if (body == null || !body.contains("passwordProfile")) {
            return;
        }
        try {
            String password = Json.MAPPER.readTree(body).path("passwordProfile").path("password").asText(null);
            if (password != null) {
                SUITE_CREDENTIALS.add(password);
            }
        } catch (IOException e) {
            // Not JSON: no password in it to remember.
        }
    }

    @Override
    public void stop() {
        if (hub != null) {
            SUITE_CREDENTIALS.addAll(hub.credentials());
            hub.close();
        }
    }
}
