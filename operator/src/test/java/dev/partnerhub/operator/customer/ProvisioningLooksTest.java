package dev.partnerhub.operator.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.operator.Fixtures;
import dev.partnerhub.operator.HubUnderTest;
import dev.partnerhub.sandbox.AdjustableClock;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.TestConfig;
import dev.partnerhub.operator.provider.CustomerDirectory;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.StatusRound;
import dev.partnerhub.providers.spi.Provider;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer the hub is provisioning is read on its backoff, not at every reconcile its users' events bring; a spec
 * change is read at once.
 */
class ProvisioningLooksTest {

    private final OperatorConfig config = TestConfig.defaults();
    private final AdjustableClock clock = AdjustableClock.standing();
    private HubUnderTest hub;
    private Provider webex;
    private CustomerSync sync;

    @BeforeEach
    void startTheHub() throws Exception {
        // Provisioning outlasts the test: the customer stays "provisioning" throughout.
        hub = HubUnderTest.start(Duration.ofMinutes(5));
        webex = hub.webex();
        sync = new CustomerSync(new CustomerBinding(new CustomerDirectory(clock), clock),
                new AdminAccessReader(config, clock), new ProvisioningLooks(clock), new Observations(config, clock),
                config, clock);
    }

    @AfterEach
    void stopTheHub() {
        hub.close();
    }

    @Test
    void aProvisioningCustomerIsReadWhenItsBackoffSaysAndAtOnceAfterASpecChange() {
        Customer customer = Fixtures.wholesaleCustomer("ns", "slow", "hub", "webex_calling");
        customer.getMetadata().setUid("uid-slow");
        customer.getMetadata().setGeneration(1L);
        Duration first = reconcile(customer);
        assertThat(first).isEqualTo(config.polling().inProgress());
        assertThat(hub.calls()).last().asString().startsWith("POST /v1/wholesale/customers");
        String id = customer.getStatus().getCustomerId();
        assertThat(id).isNotBlank();

        hub.clear();
        clock.advance(Duration.ofMillis(500));
        for (int event = 0; event < 5; event++) {
            assertThat(reconcile(customer)).as("a user's event before the backoff is up")
                    .isEqualTo(config.polling().inProgress().minusMillis(500));
        }
        assertThat(hub.calls()).isEmpty();
        assertThat(Conditions.find(customer.getStatus().getConditions(), Conditions.READY).orElseThrow().getReason())
                .isEqualTo("Provisioning");

        clock.advance(config.polling().inProgress());
        Duration backoff = reconcile(customer);
        assertThat(hub.calls()).containsExactly("GET /v1/wholesale/customers/" + id);
        assertThat(reconcile(customer)).isEqualTo(backoff);
        assertThat(hub.calls()).hasSize(1);

        customer.getMetadata().setGeneration(2L);
        reconcile(customer);
        assertThat(hub.calls()).as("a spec change is looked at at once").containsExactly(
                "GET /v1/wholesale/customers/" + id, "GET /v1/wholesale/customers/" + id);
    }

    /** One reconcile of the customer, its status kept as the operator would write it. */
    private Duration reconcile(Customer customer) {
        CustomerStatus status = StatusRound.copy(customer.getStatus(), CustomerStatus.class);
        Conditions conditions = Conditions.builder();
        CustomerSync.Step step = sync.converge(customer, webex, status, conditions);
        if (step.create() != null) {
            sync.recordCreate(status, step.create());
            step = sync.create(customer, webex, status, conditions, step.create());
        }
        Duration next = step.next();
        conditions.applyTo(status, customer.getMetadata().getGeneration(), clock);
        customer.setStatus(status);
        return next;
    }
}
