package dev.partnerhub.operator.customer;

import dev.partnerhub.operator.tenancy.LabelSelectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerSpec;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.Activation;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.RemoteCustomer;
import dev.partnerhub.providers.webex.WebexHttp;
import dev.partnerhub.providers.webex.WebexProviders;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerDesiredStateTest {

    private static final ProvisioningProvider WHOLESALE = WebexProviders.create(false, "http://unused.invalid/v1",
            () -> "t", new dev.partnerhub.providers.spi.RateLimiter(1, 1), WebexHttp.RetryPolicy.defaults());

    @Test
    void aWholesaleCustomerWithoutItsRequiredFieldsNamesEachOfThem() {
        CustomerSpec spec = new CustomerSpec();
        spec.setPackages(List.of("webex_calling", "teleportation"));
        assertThat(CustomerDesiredState.problems(spec, WHOLESALE)).anySatisfy(p -> assertThat(p).startsWith("spec.externalId"))
                .anySatisfy(p -> assertThat(p).startsWith("spec.displayName"))
                .anySatisfy(p -> assertThat(p).startsWith("spec.primaryEmail"))
                .anySatisfy(p -> assertThat(p).startsWith("spec.address"))
                .anySatisfy(p -> assertThat(p).startsWith("spec.packages: unknown package(s) [teleportation]"));
    }

    @Test
    void packagesAreComparedAsASet() {
        CustomerSpec spec = new CustomerSpec();
        spec.setPackages(List.of("webex_meetings", "webex_calling"));
        assertThat(CustomerDesiredState.packagesDiffer(spec, remote(List.of("webex_calling", "webex_meetings"))))
                .isFalse();
        assertThat(CustomerDesiredState.packagesDiffer(spec, remote(List.of("webex_calling")))).isTrue();
    }

    @Test
    void usersAreCountedByActivationState() {
        var counts = UserTally.count(List.of(user(ActivationState.Provisioned), user(ActivationState.Provisioned),
                user(ActivationState.PendingEmailInput), user(ActivationState.Error), user(null)));
        assertThat(counts.getTotal()).isEqualTo(5);
        assertThat(counts.getProvisioned()).isEqualTo(2);
        assertThat(counts.getPending()).isEqualTo(1);
        assertThat(counts.getFailed()).isEqualTo(1);
        assertThat(counts.getInProgress()).isEqualTo(1);
        assertThat(counts.getSummary()).isEqualTo("2/5");
    }

    @Test
    void anAbsentSelectorMatchesNothingAnEmptyOneEverythingAndExpressionsFollowKubernetes() {
        assertThat(LabelSelectors.matches(null, Map.of("a", "b"))).isFalse();
        assertThat(LabelSelectors.matches(new LabelSelectorBuilder().build(), Map.of("a", "b"))).as("{} selects all")
                .isTrue();
        var selector = new LabelSelectorBuilder().addToMatchLabels("team", "blue")
                .addNewMatchExpression().withKey("tier").withOperator("In").withValues("gold", "silver").endMatchExpression()
                .addNewMatchExpression().withKey("frozen").withOperator("DoesNotExist").endMatchExpression().build();
        assertThat(LabelSelectors.matches(selector, Map.of("team", "blue", "tier", "gold"))).isTrue();
        assertThat(LabelSelectors.matches(selector, Map.of("team", "blue", "tier", "bronze"))).isFalse();
        assertThat(LabelSelectors.matches(selector, Map.of("team", "blue", "tier", "gold", "frozen", ""))).isFalse();
    }

    private static RemoteCustomer remote(List<String> packages) {
        return new RemoteCustomer("c1", "o1", "x", "provisioned", packages, List.of(), List.of());
    }

    private static CustomerUser user(ActivationState state) {
        CustomerUser u = new CustomerUser();
        CustomerUserStatus status = new CustomerUserStatus();
        if (state != null) {
            Activation activation = new Activation();
            activation.setState(state);
            status.setActivation(activation);
        }
        u.setStatus(status);
        return u;
    }
}
