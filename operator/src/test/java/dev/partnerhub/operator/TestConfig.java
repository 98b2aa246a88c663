package dev.partnerhub.operator;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** The operator's configuration with its defaults, for tests that build the operator's parts by hand. */
public final class TestConfig {

    private TestConfig() {
    }

    public static OperatorConfig defaults() {
        return with(Map.of());
    }

    /** The defaults but for these properties ({@code partnerhub.metrics.per-customer=true}, ...). */
    public static OperatorConfig with(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(OperatorConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withConverter(Duration.class, 200, new DurationConverter()).build()
                .getConfigMapping(OperatorConfig.class);
    }
}
