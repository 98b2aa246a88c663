package dev.partnerhub.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerSpec;
import dev.partnerhub.api.v1alpha1.CustomerUserSpec;
import dev.partnerhub.api.v1alpha1.UserBroadWorks;
import dev.partnerhub.providers.spi.LicensingProvider;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.RateLimiter;
import dev.partnerhub.providers.spi.RemoteSubscriber;
import dev.partnerhub.providers.spi.UserDetails;
import dev.partnerhub.providers.webex.WebexHttp;
import dev.partnerhub.providers.webex.WebexProviders;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserDesiredStateTest {

    private static final WebexHttp HTTP = WebexProviders.http("http://unused.invalid/v1", () -> "t",
            new RateLimiter(1, 1), WebexHttp.RetryPolicy.defaults());
    private static final ProvisioningProvider WHOLESALE = WebexProviders.provisioning(false, HTTP);
    private static final ProvisioningProvider BROADWORKS = WebexProviders.provisioning(true, HTTP);
    private static final LicensingProvider LICENSING = WebexProviders.licensing(HTTP);

    @Test
    void aValidWholesaleUserHasNoProblems() {
        assertThat(UserDesiredState.problems(user("webex_calling", "+12405550100", null), customer(), WHOLESALE, LICENSING))
                .isEmpty();
    }

    @Test
    void aPackageOfTheOtherModelOrNotOnTheCustomerIsNamed() {
        assertThat(UserDesiredState.problems(user("premium", null, null), customer(), WHOLESALE, LICENSING))
                .anySatisfy(p -> assertThat(p).startsWith("spec.package: premium").contains("webex_meetings"));
        assertThat(UserDesiredState.problems(user("webex_suite", "+12405550100", null), customer(), WHOLESALE, LICENSING))
                .anySatisfy(p -> assertThat(p).contains("not one of Customer acme's packages"));
    }

    @Test
    void aCallingPackageWithoutPhoneNumberOrExtensionNamesBothFields() {
        assertThat(UserDesiredState.problems(user("webex_calling", null, null), customer(), WHOLESALE, LICENSING))
                .containsExactly("spec.phoneNumber, spec.extension: package webex_calling gives the user a line; "
                        + "set a phone number (E.164, with its +) or an extension.");
        assertThat(UserDesiredState.problems(user("webex_meetings", null, null), customer(), WHOLESALE, LICENSING)).isEmpty();
    }

    @Test
    void aBroadWorksUserNeedsItsBroadWorksUserId() {
        assertThat(UserDesiredState.problems(user("standard", null, "1001"), customer(), BROADWORKS, LICENSING))
                .anySatisfy(p -> assertThat(p).startsWith("spec.broadworks.userId"));
    }

    @Test
    void aFieldTheModelCannotHoldIsRefusedNamingIt() {
        CustomerUserSpec spec = user("standard", null, "1001");
        UserBroadWorks bw = new UserBroadWorks();
        bw.setUserId("dana@sp");
        spec.setBroadworks(bw);
        assertThat(UserDesiredState.problems(spec, customer(), BROADWORKS, LICENSING)).isEmpty();
        spec.setLocationId("loc-1");
        assertThat(UserDesiredState.problems(spec, customer(), BROADWORKS, LICENSING)).containsExactly(
                "spec.locationId: a broadworks connection has no such field for a user; remove it.");
        CustomerUserSpec wholesale = user("webex_calling", "+12405550100", null);
        wholesale.setLocationId("loc-1");
        wholesale.setDisplayName("U. Ser");
        assertThat(UserDesiredState.problems(wholesale, customer(), WHOLESALE, LICENSING)).isEmpty();
    }

    @Test
    void aSubscriberIsFoundByIdOrUnderItsKeyTheBroadWorksUserIdElseTheEmailInAnyCase() {
        RemoteSubscriber a = subscriber("id-a", "a@example.com", null);
        RemoteSubscriber b = subscriber("id-b", "b@example.com", null);
        CustomerUserSpec spec = user("webex_meetings", null, null);
        spec.setEmail("B@example.com");
        assertThat(UserDesiredState.byId(List.of(a, b), "id-a")).contains(a);
        assertThat(UserDesiredState.byId(List.of(a, b), "gone")).isEmpty();
        assertThat(UserDesiredState.key(spec)).isEqualTo("B@example.com");
        assertThat(UserDesiredState.byKey(List.of(a, b), spec)).contains(b);
        UserBroadWorks bw = new UserBroadWorks();
        bw.setUserId("dana@sp");
        spec.setBroadworks(bw);
        assertThat(UserDesiredState.key(spec)).isEqualTo("dana@sp");
        assertThat(UserDesiredState.byKey(List.of(a, subscriber("id-c", null, "dana@sp")), spec))
                .get().extracting(RemoteSubscriber::id).isEqualTo("id-c");
    }

    private static RemoteSubscriber subscriber(String id, String email, String userId) {
        return new RemoteSubscriber(id, null, null, null, userId, email, "webex_meetings", "provisioned", List.of(),
                null, null, false, UserDetails.NONE);
    }

    private static CustomerUserSpec user(String pkg, String phone, String extension) {
        CustomerUserSpec spec = new CustomerUserSpec();
        spec.setPackageName(pkg);
        spec.setPhoneNumber(phone);
        spec.setExtension(extension);
        spec.setEmail("user@acme.example.com");
        spec.setFirstName("U");
        spec.setLastName("Ser");
        return spec;
    }

    private static Customer customer() {
        Customer c = new Customer();
        c.setMetadata(new ObjectMetaBuilder().withName("acme").build());
        CustomerSpec spec = new CustomerSpec();
        spec.setPackages(List.of("webex_calling", "webex_meetings"));
        c.setSpec(spec);
        return c;
    }
}
