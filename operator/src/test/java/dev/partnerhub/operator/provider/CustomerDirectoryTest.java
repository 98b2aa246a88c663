package dev.partnerhub.operator.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.operator.fake.FakeProvider;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resync of many converged customers reads the partner's customer list once, not each customer. */
class CustomerDirectoryTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(10);

    private final FakeProvider provider = new FakeProvider();
    private final CustomerDirectory directory = new CustomerDirectory(Clock.fixed(Instant.parse(
            "2026-11-22T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aHundredCustomersAreObservedFromOneListAndOneMissingFromItIsAskedForOnItsOwn() {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            ids.add(provider.customers().create(new CustomerRequest("ext-" + c, null, "C" + c, null, null, List.of(),
                    null, null)));
        }
        ids.forEach(id -> assertThat(directory.get(provider, id, TOLERANCE)).get()
                .extracting(c -> c.id()).isEqualTo(id));
        assertThat(provider.calls(FakeProvider.Op.LIST_CUSTOMERS)).isEqualTo(1);
        assertThat(provider.calls(FakeProvider.Op.GET_CUSTOMER)).isZero();

        String newer = provider.customers().create(new CustomerRequest("ext-new", null, "New", null, null, List.of(),
                null, null));
        assertThat(directory.get(provider, newer, TOLERANCE)).as("made after the list was read").isPresent();
        provider.customers().delete(ids.get(0));
        assertThat(directory.get(provider, ids.get(0), TOLERANCE)).as("an old list does not know it is gone")
                .isPresent();
        assertThat(directory.get(provider, "never-was", TOLERANCE)).as("only the provider says it is not there")
                .isEmpty();
        assertThat(provider.calls(FakeProvider.Op.GET_CUSTOMER)).isEqualTo(2);
        assertThat(provider.calls(FakeProvider.Op.LIST_CUSTOMERS)).isEqualTo(1);
    }
}
