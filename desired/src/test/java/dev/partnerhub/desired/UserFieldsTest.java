package dev.partnerhub.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerUserSpec;
import dev.partnerhub.providers.spi.model.PersonChange;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserDetails;
import dev.partnerhub.providers.spi.model.UserField;
import dev.partnerhub.providers.spi.model.UserModel;
import dev.partnerhub.providers.spi.model.UserState;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserFieldsTest {

    private static final UserModel WHOLESALE = VendorCapabilities.webex("wholesale").users();
    private static final java.util.Set<UserField> PEOPLE = VendorCapabilities.webex("wholesale").catalogue()
            .personFields();

    @Test
    void theLineOfAUserWithoutACallingPackageIsNotComparedAndAMovedLocationNamesThePortalStep() {
        CustomerUserSpec spec = spec();
        spec.setLocationId("loc-2");
        RemotePerson person = person(new UserDetails("Ada", "Lovelace", "Ada Lovelace", "+12405550100", null,
                "loc-1", null));
        RemoteUser meetings = new RemoteUser("sub-1", "ada@example.com", "ada@example.com", "person-1",
                "webex_meetings", UserState.PROVISIONED, "provisioned", List.of(), null, null, false, UserDetails.NONE,
                null);
        spec.setPackageName("webex_meetings");
        assertThat(UserFields.differences(spec, WHOLESALE, meetings, Optional.of(person))).isEmpty();
        spec.setPackageName("webex_calling");

        List<UserFields.Difference> calling = UserFields.differences(spec, WHOLESALE, subscriber("provisioned",
                UserDetails.NONE), Optional.of(person));
        assertThat(calling).extracting(UserFields.Difference::field).containsExactly(UserField.LOCATION);
        assertThat(UserFields.unmendable(calling, WHOLESALE, PEOPLE)).startsWith("spec.locationId loc-1 -> loc-2: ")
                .contains("Move the user in Control Hub");
    }

    @Test
    void aWholesaleUserIsComparedWithItsPersonOnceThereIsOneAndOnlyInTheFieldsTheSpecDeclares() {
        CustomerUserSpec spec = spec();
        RemoteUser subscriber = subscriber("provisioned", UserDetails.NONE);
        assertThat(UserFields.differences(spec, WHOLESALE, subscriber, Optional.empty())).isEmpty();

        RemotePerson person = person(new UserDetails("Ada", "Lovelace", "Ada Lovelace", "+1-240-555-0100", null,
                "loc-1", null));
        assertThat(UserFields.differences(spec, WHOLESALE, subscriber, Optional.of(person))).isEmpty();

        spec.setLastName("King");
        spec.setPhoneNumber("+12405550199");
        spec.setExtension("5100");
        assertThat(UserFields.differences(spec, WHOLESALE, subscriber, Optional.of(person)))
                .extracting(UserFields.Difference::field)
                .containsExactly(UserField.LAST_NAME, UserField.PHONE_NUMBER, UserField.EXTENSION);
        assertThat(UserFields.differences(spec, WHOLESALE, subscriber, Optional.of(person)).get(2).held()).isNull();
    }

    @Test
    void theSubscribersOwnFieldsWinOverThePersonsAndThePackageIsAlwaysCompared() {
        CustomerUserSpec spec = spec();
        spec.setPackageName("standard");
        RemoteUser subscriber = subscriber("provisioned", new UserDetails("Ada", "Byron", null, "+12405550100",
                null, null, null));
        RemotePerson stale = person(new UserDetails("Ada", "Lovelace", "Ada Lovelace", "+12405550100", null, "loc-1",
                null));
        assertThat(UserFields.differences(spec, WHOLESALE, subscriber, Optional.of(stale)))
                .extracting(UserFields.Difference::toString)
                .containsExactly("spec.lastName Byron -> Lovelace", "spec.package webex_calling -> standard");
    }

    @Test
    void differencesAreSplitByTheApiThatCanMendThem() {
        CustomerUserSpec spec = spec();
        spec.setFirstName("Augusta");
        spec.setDisplayName("Augusta Ada King");
        spec.setPhoneNumber("+12405550199");
        List<UserFields.Difference> all = UserFields.differences(spec, WHOLESALE, subscriber("provisioned", UserDetails.NONE),
                Optional.of(person(new UserDetails("Ada", "Lovelace", "Ada Lovelace", "+12405550100", null, "loc-1",
                        null))));
        assertThat(UserFields.through(all, WHOLESALE.updatable())).isEmpty();
        assertThat(UserFields.through(all, PEOPLE)).extracting(UserFields.Difference::field)
                .containsExactly(UserField.FIRST_NAME, UserField.DISPLAY_NAME, UserField.PHONE_NUMBER);
        assertThat(UserFields.unmendable(all, WHOLESALE, PEOPLE)).isNull();
        PersonChange change = UserFields.personChange(UserFields.through(all, EnumSet.of(UserField.FIRST_NAME,
                UserField.LAST_NAME, UserField.DISPLAY_NAME)));
        assertThat(change).isEqualTo(PersonChange.names("Augusta", null, "Augusta Ada King"));
        assertThat(UserFields.personChange(List.of())).isNull();
    }

    @Test
    void anEmailEditOfAnOnboardedUserIsRefusedButAStuckUserWaitsForARetry() {
        CustomerUserSpec spec = spec();
        spec.setEmail("ada.king@example.com");
        assertThat(UserFields.emailRefusal(spec, subscriber("provisioned", UserDetails.NONE)))
                .startsWith("spec.email: the provider cannot change the address")
                .contains("it holds ada@example.com");
        assertThat(UserFields.emailRefusal(spec, subscriber("pending_email_validation", UserDetails.NONE))).isNull();
        spec.setEmail("ADA@example.com");
        assertThat(UserFields.emailRefusal(spec, subscriber("provisioned", UserDetails.NONE))).isNull();
    }

    private static CustomerUserSpec spec() {
        CustomerUserSpec spec = new CustomerUserSpec();
        spec.setEmail("ada@example.com");
        spec.setFirstName("Ada");
        spec.setLastName("Lovelace");
        spec.setPackageName("webex_calling");
        spec.setPhoneNumber("+12405550100");
        return spec;
    }

    private static RemoteUser subscriber(String status, UserDetails details) {
        return new RemoteUser("sub-1", "ada@example.com", "ada@example.com", "person-1", "webex_calling",
                "provisioned".equals(status) ? UserState.PROVISIONED : UserState.PENDING_EMAIL_VALIDATION,
                status, List.of(), null, null, false, details, null);
    }

    private static RemotePerson person(UserDetails details) {
        return new RemotePerson("person-1", "ada@example.com", List.of(), List.of(), details);
    }
}
