package dev.partnerhub.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.api.v1alpha1.UserCounts;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A Customer's tallies wake none of its users; what their reconcile reads wakes them all. */
class CustomerChangeTest {

    @Test
    void countsAndUndeclaredUsersMatterToNoUserWhileReadinessIdsAndSpecDo() {
        assertThat(changed(c -> c.getStatus().getUsers().setProvisioned(41))).isFalse();
        assertThat(changed(c -> c.getStatus().setPendingAction("someone must act"))).isFalse();
        assertThat(changed(c -> c.getStatus().setConditions(List.of(new ConditionBuilder().withType("Ready")
                .withStatus("False").withReason("Updating").build())))).isTrue();
        assertThat(changed(c -> c.getStatus().setOrgId("org-2"))).isTrue();
        assertThat(changed(c -> c.getStatus().setCustomerId("cust-2"))).isTrue();
        assertThat(changed(c -> c.getMetadata().setGeneration(2L))).isTrue();
        assertThat(changed(c -> c.getMetadata().setDeletionTimestamp("2026-11-22T03:00:00Z"))).isTrue();
    }

    private static boolean changed(Consumer<Customer> change) {
        Customer after = customer();
        change.accept(after);
        return CustomerChange.mattersToUsers(customer(), after);
    }

    private static Customer customer() {
        Customer c = new Customer();
        c.setMetadata(new ObjectMetaBuilder().withName("acme").withNamespace("demo").withGeneration(1L).build());
        CustomerStatus status = new CustomerStatus();
        status.setCustomerId("cust-1");
        status.setOrgId("org-1");
        status.setProviderStatus("provisioned");
        UserCounts counts = new UserCounts();
        counts.setProvisioned(40);
        status.setUsers(counts);
        status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("True")
                .withReason("Provisioned").build()));
        c.setStatus(status);
        return c;
    }
}
