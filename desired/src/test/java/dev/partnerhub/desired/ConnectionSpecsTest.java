package dev.partnerhub.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.partnerhub.api.v1alpha1.PartnerConnectionSpec;
import dev.partnerhub.api.v1alpha1.RateLimit;
import dev.partnerhub.providers.spi.http.RateLimiter;
import org.junit.jupiter.api.Test;

class ConnectionSpecsTest {

    @Test
    void aShardTakesItsPartOfTheRateLimitAndBurstSoThatTheShardsKeepToTheLimitTogether() {
        PartnerConnectionSpec spec = withLimit(50, 10);

        RateLimiter whole = ConnectionSpecs.settings(spec, () -> "t").limiter();
        RateLimiter half = ConnectionSpecs.settings(spec, () -> "t", 0.5).limiter();
        RateLimiter third = ConnectionSpecs.settings(spec, () -> "t", 1.0 / 3).limiter();

        assertThat(whole.permitsPerSecond()).isCloseTo(50, offset(1e-9));
        assertThat(whole.burst()).isEqualTo(10);
        assertThat(half.permitsPerSecond()).isCloseTo(25, offset(1e-9));
        assertThat(half.burst()).isEqualTo(5);
        assertThat(3 * third.permitsPerSecond()).isLessThanOrEqualTo(50.000_001);
        assertThat(3 * third.burst()).as("rounded down, never up").isEqualTo(9);
    }

    @Test
    void aBurstTooSmallToSplitStillLetsOneCallThrough() {
        assertThat(ConnectionSpecs.settings(withLimit(5, 1), () -> "t", 0.25).limiter().burst()).isEqualTo(1);
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> ConnectionSpecs.settings(withLimit(5, 1), () -> "t", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionSpecs.settings(withLimit(5, 1), () -> "t", 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PartnerConnectionSpec withLimit(int perSecond, int burst) {
        RateLimit limit = new RateLimit();
        limit.setRequestsPerSecond(perSecond);
        limit.setBurst(burst);
        PartnerConnectionSpec spec = new PartnerConnectionSpec();
        spec.setRateLimit(limit);
        return spec;
    }
}
