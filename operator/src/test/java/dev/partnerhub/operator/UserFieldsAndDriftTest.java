package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.providers.spi.People;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.PersonChange;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.Json;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every declared field converges: an edit reaches the provider through the API that can change it, what no API can
 * change is refused naming the field, and a change made in the provider behind the operator's back (a portal,
 * another tool, here the same public API) is noticed and undone, with status.lastRepair saying what happened. The
 * resync interval stays at its 10-minute default in tests: what is seen within these waits came through the
 * subscriber snapshot's change events.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class UserFieldsAndDriftTest extends OperatorTestSupport {

    private Provider webex;

    @BeforeEach
    void connectToTheHub() {
        connect("hub", WebexModel.WHOLESALE);
        webex = TestProviders.webex("wholesale", hubUrl + "/v1", LocalHubResource.hub.token());
    }

    @Test
    void anEditOfNamesAndNumbersReachesTheHubAndAnEmailEditIsRefusedNamingTheField() {
        String customerId = readyCustomer("fields");
        apply(user(namespace, "ada", "fields", "ada@fields.example.com", "webex_calling", "+12405550100"));
        CustomerUser ada = awaitCondition(CustomerUser.class, "ada", Conditions.READY, "True");
        String personId = ada.getStatus().getPersonId();

        edit(CustomerUser.class, "ada", u -> {
            u.getSpec().setLastName("King");
            u.getSpec().setDisplayName("Ada King (Analytics)");
            u.getSpec().setPhoneNumber("+12405550199");
            u.getSpec().setExtension("5199");
        });
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode person = person(personId);
            assertThat(person.path("phoneNumbers").path(0).path("value").asText()).isEqualTo("+12405550199");
            assertThat(person.path("extension").asText()).isEqualTo("5199");
            assertThat(person.path("lastName").asText()).isEqualTo("King");
            assertThat(person.path("displayName").asText()).isEqualTo("Ada King (Analytics)");
            assertThat(person.path("firstName").asText()).isEqualTo("ada");
        });
        ada = awaitCondition(CustomerUser.class, "ada", Conditions.READY, "True");
        assertThat(ada.getStatus().getLastRepair()).as("an edit is not drift").isNull();

        edit(CustomerUser.class, "ada", u -> u.getSpec().setEmail("ada.king@fields.example.com"));
        ada = awaitCondition(CustomerUser.class, "ada", Conditions.STALLED, "True");
        assertThat(condition(ada, Conditions.STALLED).getReason()).isEqualTo("UnsupportedByProvider");
        assertThat(condition(ada, Conditions.STALLED).getMessage()).startsWith("spec.email:")
                .contains("ada@fields.example.com");
        assertThat(hubSubscribersOf(customerId)).extracting(s -> s.path("email").asText())
                .containsExactly("ada@fields.example.com");

        edit(CustomerUser.class, "ada", u -> u.getSpec().setEmail("ada@fields.example.com"));
        awaitCondition(CustomerUser.class, "ada", Conditions.READY, "True");

        // A calling user's location: no API moves it; the user says where a person moves it instead.
        String location = person(personId).path("locationId").asText();
        edit(CustomerUser.class, "ada", u -> u.getSpec().setLocationId("Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL290aGVy"));
        ada = awaitCondition(CustomerUser.class, "ada", Conditions.STALLED, "True");
        assertThat(condition(ada, Conditions.STALLED).getReason()).isEqualTo("UnsupportedByProvider");
        assertThat(condition(ada, Conditions.STALLED).getMessage()).startsWith("spec.locationId ")
                .contains("Move the user in Control Hub");
        assertThat(person(personId).path("locationId").asText()).isEqualTo(location);
    }

    @Test
    void aSubscriberDeletedOrChangedBehindTheOperatorsBackIsNoticedAndRepaired() {
        String customerId = readyCustomer("drift");
        apply(user(namespace, "bob", "drift", "bob@drift.example.com", "webex_calling", "+12405550200"));
        String first = awaitCondition(CustomerUser.class, "bob", Conditions.READY, "True").getStatus().getUserId();

        webex.users().delete(new CustomerScope(customerId), first);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            CustomerUser bob = customerUser("bob");
            assertThat(bob.getStatus().getLastRepair()).isNotNull();
            assertThat(bob.getStatus().getLastRepair().getMessage()).contains(first).contains("deleted");
            assertThat(bob.getStatus().getUserId()).isNotEqualTo(first);
        });
        CustomerUser bob = awaitCondition(CustomerUser.class, "bob", Conditions.READY, "True");
        String second = bob.getStatus().getUserId();
        assertThat(hubSubscribersOf(customerId)).extracting(s -> s.path("id").asText()).containsExactly(second);

        webex.users().update(new CustomerScope(customerId), webex.users().list(new CustomerScope(customerId), null)
                .get(0), new UserRequest(null, null, null, null, null,
                "webex_meetings", "+12405550999", null, null, null, null, null));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode subscriber = hubSubscribersOf(customerId).get(0);
            assertThat(subscriber.path("package").asText()).isEqualTo("webex_calling");
            assertThat(person(subscriber.path("personId").asText()).path("phoneNumbers").path(0).path("value")
                    .asText()).isEqualTo("+12405550200");
            assertThat(customerUser("bob").getStatus().getLastRepair().getMessage())
                    .contains("changed outside the operator").contains("spec.package webex_meetings -> webex_calling");
        });
        awaitCondition(CustomerUser.class, "bob", Conditions.READY, "True");
    }

    @Test
    void listsThatMissARecordedSubscriberForAWhileNeitherForgetItsIdNorMakeASecond() {
        String customerId = readyCustomer("blind");
        apply(user(namespace, "eve", "blind", "eve@blind.example.com", "webex_meetings", null));
        String id = awaitCondition(CustomerUser.class, "eve", Conditions.READY, "True").getStatus().getUserId();
        int since = LocalHubResource.EXCHANGES.size();

        // For 15 s every list misses her (a replica an hour behind): edits make her reconciled until a complete list
        // is read in that time and says she is gone, and so does the second read; the create then sent is refused
        // (409) and her ID is kept.
        hub().addFault(Json.object().put("method", "GET").put("pathPrefix", "/v1/wholesale/subscribers")
                .put("listLagMs", Duration.ofHours(1).toMillis()).put("seconds", 15));
        AtomicInteger edits = new AtomicInteger();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            edit(CustomerUser.class, "eve", u -> u.getSpec().setLastName("Evans" + edits.incrementAndGet()));
            return LocalHubResource.EXCHANGES.subList(since, LocalHubResource.EXCHANGES.size()).stream()
                    .anyMatch(e -> e.method().equals("POST") && e.status() == 409);
        });
        assertThat(customerUser("eve").getStatus().getUserId()).isEqualTo(id);

        // Once the lists show her again she is found under it.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            CustomerUser now = customerUser("eve");
            assertThat(now.getStatus().getUserId()).isEqualTo(id);
            assertThat(condition(now, Conditions.READY).getStatus()).isEqualTo("True");
            assertThat(condition(now, Conditions.SYNCED).getStatus()).isEqualTo("True");
            assertThat(now.getStatus().getLastRepair()).isNull();
        });
        assertThat(hubSubscribersOf(customerId)).extracting(s -> s.path("id").asText()).containsExactly(id);
    }

    @Test
    void aPersonChangedBehindTheOperatorsBackIsNoticedFromThePeopleListAndRepaired() {
        readyCustomer("persons");
        CustomerUser dee = user(namespace, "dee", "persons", "dee@persons.example.com", "webex_meetings", null);
        dee.getSpec().setDisplayName("Dee (Sales)");
        apply(dee);
        String personId = awaitCondition(CustomerUser.class, "dee", Conditions.READY, "True").getStatus()
                .getPersonId();
        assertThat(customerUser("dee").getStatus().getLastRepair()).isNull();

        // The resync is 10 minutes here: only the org's people list, read once per full refresh, can notice this.
        webex.people().update(customer("persons").getStatus().getOrgId(), personId, PersonChange.names(null, null, "Dee (someone else's edit)"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(person(personId).path("displayName").asText()).isEqualTo("Dee (Sales)");
            assertThat(customerUser("dee").getStatus().getLastRepair()).isNotNull();
            assertThat(customerUser("dee").getStatus().getLastRepair().getMessage())
                    .contains("changed outside the operator").contains("Dee (someone else's edit)");
        });
        awaitCondition(CustomerUser.class, "dee", Conditions.READY, "True");
    }

    @Test
    void aUserWhosePersonIsNotListedYetIsNotReadyAndWhatItGetsThenIsNoRepair() {
        readyCustomer("lagging");
        // Webex's people list lags behind a new person: here by an hour of the hub's clock, moved on below.
        hub().settings(Json.object().put("peopleListDelayMs", Duration.ofHours(1).toMillis()));
        try {
            CustomerUser cy = user(namespace, "cy", "lagging", "cy@lagging.example.com", "webex_meetings", null);
            cy.getSpec().setDisplayName("Cy (Support)");
            apply(cy);
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(condition(customerUser("cy"), Conditions.READY)
                    .getReason()).isEqualTo("AwaitingPerson"));
            cy = customerUser("cy");
            assertThat(cy.getStatus().getActivation().getState()).isEqualTo(ActivationState.Provisioned);
            String personId = cy.getStatus().getPersonId();
            assertThat(condition(cy, Conditions.READY).getMessage()).contains(personId)
                    .contains("not in the organization's people list yet");

            // Edited before its person is listed: names are set through the person, so the edit waits for it too.
            long generation = edit(CustomerUser.class, "cy", u -> u.getSpec().setLastName("Young")).getMetadata()
                    .getGeneration();
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(condition(customerUser("cy"), Conditions.READY))
                    .satisfies(c -> assertThat(c.getReason()).isEqualTo("AwaitingPerson"))
                    .satisfies(c -> assertThat(c.getObservedGeneration()).isEqualTo(generation)));
            assertThat(person(personId).path("lastName").asText()).isEqualTo("Tester");
        } finally {
            hub().settings(Json.object().put("peopleListDelayMs", 0));
        }
        hub().advanceClock(Duration.ofHours(1));

        CustomerUser cy = awaitCondition(CustomerUser.class, "cy", Conditions.READY, "True");
        JsonNode person = person(cy.getStatus().getPersonId());
        assertThat(person.path("displayName").asText()).isEqualTo("Cy (Support)");
        assertThat(person.path("lastName").asText()).isEqualTo("Young");
        assertThat(cy.getStatus().getLastRepair()).as("the spec arriving is not drift undone").isNull();
        assertThat(condition(cy, Conditions.SYNCED).getReason()).isNotEqualTo("Repaired");
    }

    @Test
    void anAdoptedAdministratorWithoutRolesInTheSpecKeepsFullAdministrator() {
        String customerId = readyCustomer("admins");
        String subscriberId = webex.users().create(new CustomerScope(customerId), new UserRequest(
                "root@admins.example.com", "root@admins.example.com", "Root", "Admin", null, "webex_meetings", null,
                null, null, null, null, null)).id();
        String personId = await().atMost(TIMEOUT).until(() -> hubSubscribersOf(customerId).get(0).path("personId")
                .asText(null), id -> id != null);
        People people = webex.people();
        String orgId = customer("admins").getStatus().getOrgId();
        String fullAdmin = people.roles(orgId).stream().filter(r -> r.name().equals("Full Administrator"))
                .findFirst().orElseThrow().id();
        people.update(orgId, personId, PersonChange.roles(Set.of(fullAdmin), Set.of()));

        CustomerUser root = user(namespace, "root", "admins", "root@admins.example.com", "webex_meetings", null);
        root.getSpec().setFirstName("Root");
        root.getSpec().setLastName("Admin");
        root.getSpec().setAdoptExisting(true);
        apply(root);
        root = awaitCondition(CustomerUser.class, "root", Conditions.READY, "True");
        assertThat(root.getStatus().getUserId()).isEqualTo(subscriberId);
        assertThat(root.getStatus().getGrantedRoles()).isEmpty();
        assertThat(person(personId).path("roles")).extracting(JsonNode::asText).containsExactly(fullAdmin);
    }

    private JsonNode person(String personId) {
        return hubRecords("people").stream().filter(p -> personId.equals(p.path("id").asText())).findFirst()
                .orElse(MissingNode.getInstance());
    }

    private String readyCustomer(String name) {
        apply(wholesaleCustomer(namespace, name, "hub", "webex_meetings", "webex_calling"));
        return awaitCondition(Customer.class, name, Conditions.READY, "True").getStatus().getCustomerId();
    }
}
