package dev.partnerhub.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerSpec;
import dev.partnerhub.api.v1alpha1.CustomerUserSpec;
import dev.partnerhub.api.v1alpha1.UserBroadWorks;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserDetails;
import dev.partnerhub.providers.spi.model.UserState;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserDesiredStateTest {

    private static final Capabilities WHOLESALE = VendorCapabilities.webex("wholesale");
    private static final Capabilities BROADWORKS = VendorCapabilities.webex("broadworks");

    @Test
    void aValidWholesaleUserHasNoProblems() {
        assertThat(UserDesiredState.problems(user("webex_calling", "+12405550100", null), customer(), WHOLESALE))
                .isEmpty();
    }

    @Test
    void aPackageOfTheOtherModelOrNotOnTheCustomerIsNamed() {
        assertThat(UserDesiredState.problems(user("premium", null, null), customer(), WHOLESALE))
                .anySatisfy(p -> assertThat(p).startsWith("spec.package: premium").contains("webex_meetings"));
        assertThat(UserDesiredState.problems(user("webex_suite", "+12405550100", null), customer(), WHOLESALE))
                .anySatisfy(p -> assertThat(p).contains("not one of Customer acme's packages"));
    }

    @Test
    void aCallingPackageWithoutPhoneNumberOrExtensionNamesBothFields() {
        assertThat(UserDesiredState.problems(user("webex_calling", null, null), customer(), WHOLESALE))
                .containsExactly("spec.phoneNumber, spec.extension: package webex_calling gives the user a line; "
                        + "set a phone number (E.164, with its +) or an extension.");
        assertThat(UserDesiredState.problems(user("webex_meetings", null, null), customer(), WHOLESALE)).isEmpty();
    }

    @Test
    void aBroadWorksUserNeedsItsBroadWorksUserId() {
        assertThat(UserDesiredState.problems(user("standard", null, "1001"), customer(), BROADWORKS))
                .anySatisfy(p -> assertThat(p).startsWith("spec.broadworks.userId"));
    }

    @Test
    void aFieldTheModelCannotHoldIsRefusedNamingIt() {
        CustomerUserSpec spec = user("standard", null, "1001");
        UserBroadWorks bw = new UserBroadWorks();
        bw.setUserId("dana@sp");
        spec.setBroadworks(bw);
        assertThat(UserDesiredState.problems(spec, customer(), BROADWORKS)).isEmpty();
        assertThat(UserDesiredState.unsupported(spec, BROADWORKS)).isEmpty();
        spec.setLocationId("loc-1");
        spec.setUsageLocation("US");
        assertThat(UserDesiredState.unsupported(spec, BROADWORKS)).containsExactly(
                "spec.locationId: a broadworks connection has no such field for a user; remove it.",
                "spec.usageLocation: a broadworks connection has no such field for a user; remove it.");
        CustomerUserSpec wholesale = user("webex_calling", "+12405550100", null);
        wholesale.setLocationId("loc-1");
        wholesale.setDisplayName("U. Ser");
        assertThat(UserDesiredState.unsupported(wholesale, WHOLESALE)).isEmpty();
        assertThat(UserDesiredState.problems(wholesale, customer(), WHOLESALE)).isEmpty();
    }

    @Test
    void aUserIsFoundByIdOrUnderTheKeyItsProviderNamesInAnyCase() {
        RemoteUser a = remote("id-a", "a@example.com");
        RemoteUser b = remote("id-b", "b@example.com");
        CustomerUserSpec spec = user("webex_meetings", null, null);
        spec.setEmail("B@example.com");
        assertThat(UserDesiredState.byId(List.of(a, b), "id-a")).contains(a);
        assertThat(UserDesiredState.byId(List.of(a, b), "gone")).isEmpty();
        assertThat(UserDesiredState.key(spec, WHOLESALE)).isEqualTo("B@example.com");
        assertThat(UserDesiredState.byKey(List.of(a, b), UserDesiredState.key(spec, WHOLESALE))).contains(b);
        UserBroadWorks bw = new UserBroadWorks();
        bw.setUserId("dana@sp");
        spec.setBroadworks(bw);
        assertThat(UserDesiredState.key(spec, BROADWORKS)).isEqualTo("dana@sp");
        assertThat(UserDesiredState.byKey(List.of(a, remote("id-c", "Dana@SP")), UserDesiredState.key(spec,
                BROADWORKS))).get().extracting(RemoteUser::id).isEqualTo("id-c");
    }

    private static RemoteUser remote(String id, String key) {
        return new RemoteUser(id, key, null, null, "webex_meetings", UserState.PROVISIONED, "provisioned", List.of(),
                null, null, false, UserDetails.NONE, null);
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
