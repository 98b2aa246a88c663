package dev.partnerhub.operator;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;

/** The operator's configuration with its defaults, for tests that build the operator's parts by hand. */
public final class TestConfig {

    private TestConfig() {
    }

    public static OperatorConfig defaults() {
        return new SmallRyeConfigBuilder().withMapping(OperatorConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).build()
                .getConfigMapping(OperatorConfig.class);
    }
}
