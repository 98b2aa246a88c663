package dev.partnerhub.operator.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.Activation;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerBroadWorks;
import dev.partnerhub.api.v1alpha1.CustomerSpec;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.desired.CustomerDesiredState;
import dev.partnerhub.desired.LabelSelectors;
import dev.partnerhub.operator.TestProviders;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerDesiredStateTest {

    private static final Capabilities WHOLESALE = TestProviders.webex("wholesale").capabilities();
    private static final Capabilities BROADWORKS = TestProviders.webex("broadworks").capabilities();

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
    void aFieldTheProviderDoesNotHoldIsUnsupportedNamingIt() {
        CustomerSpec spec = new CustomerSpec();
        spec.setProvisioningId("template");
        CustomerBroadWorks bw = new CustomerBroadWorks();
        bw.setSpEnterpriseId("Reseller1+acme");
        spec.setBroadworks(bw);
        assertThat(CustomerDesiredState.problems(spec, BROADWORKS)).isEmpty();
        assertThat(CustomerDesiredState.unsupported(spec, BROADWORKS)).isEmpty();
        spec.setPackages(List.of("webex_calling"));
        spec.setDisplayName("ACME");
        assertThat(CustomerDesiredState.unsupported(spec, BROADWORKS)).containsExactly(
                "spec.displayName: a broadworks connection has no such field for a customer; remove it.",
                "spec.packages: a broadworks connection has no such field for a customer; remove it.");
        assertThat(CustomerDesiredState.unsupported(spec, WHOLESALE))
                .containsExactly("spec.broadworks.spEnterpriseId: a wholesale connection has no such field for a "
                        + "customer; remove it.");
    }

    @Test
    void aCallingPackageNeedsTheCallingLocationWhoseNameAndAddressDefaultToTheCustomers() {
        CustomerSpec spec = dev.partnerhub.operator.Fixtures.wholesaleCustomer("ns", "acme", "hub", "webex_meetings",
                "webex_calling").getSpec();
        spec.setCalling(null);
        assertThat(CustomerDesiredState.problems(spec, WHOLESALE)).singleElement().asString()
                .startsWith("spec.calling.location: required with the calling package(s) [webex_calling]");
        spec.setPackages(List.of("webex_meetings"));
        assertThat(CustomerDesiredState.problems(spec, WHOLESALE)).isEmpty();

        spec.setPackages(List.of("webex_suite"));
        spec.setCalling(dev.partnerhub.operator.Fixtures.headOffice());
        assertThat(CustomerDesiredState.problems(spec, WHOLESALE)).isEmpty();
        var location = CustomerDesiredState.request(spec, WHOLESALE).calling();
        assertThat(location.name()).isEqualTo("Customer acme");
        assertThat(location.address().city()).isEqualTo("Milpitas");
        assertThat(location.timezone()).isEqualTo("America/Los_Angeles");
        assertThat(location.language()).isEqualTo("en_us");

        spec.setDisplayName(null);
        spec.setAddress(null);
        assertThat(CustomerDesiredState.problems(spec, WHOLESALE)).contains(
                "spec.calling.location.name: required when spec.displayName is not set.",
                "spec.calling.location.address: required when spec.address is not set.");
        assertThat(CustomerDesiredState.unsupported(spec, BROADWORKS)).contains("spec.calling.location: a broadworks "
                + "connection has no such field for a customer; remove it.");
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
                user(ActivationState.PendingEmailInput), user(ActivationState.PendingEmailValidation),
                user(ActivationState.PendingEmailValidation), user(ActivationState.Restored),
                user(ActivationState.Error), user(null)));
        assertThat(counts.getTotal()).isEqualTo(8);
        assertThat(counts.getProvisioned()).as("Provisioned and Restored: active").isEqualTo(3);
        assertThat(counts.getPending()).isEqualTo(3);
        assertThat(counts.getFailed()).isEqualTo(1);
        assertThat(counts.getInProgress()).as("not yet created").isEqualTo(1);
        assertThat(counts.getSummary()).isEqualTo("3/8");
        assertThat(counts.getByState()).as("every state a user is in, in the states' order").containsExactly(
                Map.entry("PendingEmailInput", 1), Map.entry("PendingEmailValidation", 2),
                Map.entry("Provisioned", 2), Map.entry("Restored", 1), Map.entry("Error", 1));
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
        return new RemoteCustomer("c1", "o1", "x", RemoteCustomer.State.READY, "provisioned", packages, List.of(),
                List.of());
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
