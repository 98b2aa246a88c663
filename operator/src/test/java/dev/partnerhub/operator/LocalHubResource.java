package dev.partnerhub.operator;

import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/** Starts a real local partner hub next to the operator under test, with short provisioning delays. */
public class LocalHubResource implements QuarkusTestResourceLifecycleManager {

    static volatile LocalPartnerHub hub;
    /** Every exchange with the hub, for tests that must see the wire (a 206, a call that must not happen). */
    static final java.util.List<dev.partnerhub.sandbox.RecordedExchange> EXCHANGES =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            hub = LocalPartnerHub.start(HubSettings.defaults().withDelays(Duration.ofMillis(300), Duration.ofMillis(200)));
            hub.addListener(EXCHANGES::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("test.hub.url", hub.url());
    }

    @Override
    public void stop() {
        if (hub != null) {
            hub.close();
        }
    }
}
