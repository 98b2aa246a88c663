package dev.partnerhub.operator.fake;

import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.ProviderFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the {@link FakeProvider} of every connection whose endpoint is {@code fake:NAME}, whatever its
 * {@code spec.provider}; one provider per name, which the test reaches with {@link #provider(String)}.
 */
public final class FakeProviderFactory implements ProviderFactory {

    private static final Map<String, FakeProvider> PROVIDERS = new ConcurrentHashMap<>();

    /** The fake behind endpoint {@code fake:NAME}. */
    public static FakeProvider provider(String name) {
        return PROVIDERS.computeIfAbsent(name, n -> new FakeProvider());
    }

    @Override
    public String kind() {
        return "fake";
    }

    @Override
    public String defaultEndpoint() {
        return "fake:default";
    }

    @Override
    public boolean accepts(String kind, String endpoint) {
        return endpoint != null && endpoint.startsWith("fake:");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Provider create(ConnectionSettings settings) {
        return provider(settings.endpoint().substring("fake:".length()));
    }
}
