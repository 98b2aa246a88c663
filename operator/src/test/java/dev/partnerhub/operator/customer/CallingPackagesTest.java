package dev.partnerhub.operator.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerSpec;
import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.ProviderFactory;
import dev.partnerhub.providers.spi.http.RateLimiter;
import dev.partnerhub.providers.spi.http.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CRD's rule that asks a calling package for spec.calling.location names the same packages as the Wholesale
 * provider does (which WebexCatalogTest ties to Cisco's file and to the hub): the API server and the reconciler refuse
 * the same customers.
 */
class CallingPackagesTest {

    @Test
    void theCrdsRuleAndTheWholesaleProviderNameTheSameCallingPackages() {
        Set<String> inTheRule = new TreeSet<>();
        Matcher m = Pattern.compile("'([a-z_]+)'").matcher(CustomerSpec.CALLING_PACKAGES);
        while (m.find()) {
            inTheRule.add(m.group(1));
        }
        ProviderFactory webex = ServiceLoader.load(ProviderFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.kind().equals("webex")).findFirst().orElseThrow();
        var wholesale = webex.create(new ConnectionSettings("http://127.0.0.1:9/v1", () -> "unused",
                new RateLimiter(1, 1), Map.of("webex.model", "wholesale"), new RetryPolicy(1, Duration.ofMillis(1),
                        Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(1))));
        assertThat(inTheRule).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                wholesale.capabilities().customers().callingPackages());
    }
}
