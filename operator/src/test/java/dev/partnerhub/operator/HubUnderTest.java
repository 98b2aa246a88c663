package dev.partnerhub.operator;

import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local partner hub for a test of the operator's parts by hand: a Webex Wholesale provider against it, and the
 * calls it served ("GET /v1/people"), in order.
 */
public final class HubUnderTest implements AutoCloseable {

    private final LocalPartnerHub hub;
    private final Provider webex;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    private HubUnderTest(LocalPartnerHub hub) {
        this.hub = hub;
        this.webex = TestProviders.webex("wholesale", hub.apiUrl(), hub.token());
        hub.addListener(e -> calls.add(e.method() + " " + e.path()));
    }

    /** A hub that provisions customers in {@code customerDelay} and subscribers at once. */
    public static HubUnderTest start(Duration customerDelay) throws Exception {
        return new HubUnderTest(LocalPartnerHub.start(HubSettings.defaults().withDelays(customerDelay, Duration.ZERO)));
    }

    public Provider webex() {
        return webex;
    }

    public String url() {
        return hub.url();
    }

    /** The calls served since the last {@link #clear()}: method and path. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The paths of the reads (GET) served since the last {@link #clear()}. */
    public List<String> reads() {
        return calls.stream().filter(c -> c.startsWith("GET ")).map(c -> c.substring(4)).toList();
    }

    public void clear() {
        calls.clear();
    }

    @Override
    public void close() {
        hub.close();
    }
}
