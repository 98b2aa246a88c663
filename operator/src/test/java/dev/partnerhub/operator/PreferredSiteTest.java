package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's Preferred Webex Site: it reaches the person as the site it hosts on; a package with meetings and no site
 * is warned about, as the portal warns; a site the hub refuses is reported naming the field, and the user stays.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class PreferredSiteTest extends OperatorTestSupport {

    @BeforeEach
    void connectToTheHub() {
        connect("hub", WebexModel.WHOLESALE);
    }

    @Test
    void aMeetingsUserWithoutASiteIsWarnedAndTheSiteReachesThePersonOnceSet() {
        readyCustomer("sites");
        apply(user(namespace, "ada", "sites", "ada@sites.example.com", "webex_meetings", null));
        apply(user(namespace, "cal", "sites", "cal@sites.example.com", "webex_calling", "+12405550300"));
        CustomerUser ada = awaitCondition(CustomerUser.class, "ada", Conditions.READY, "True");
        assertThat(ada.getStatus().getWarnings()).singleElement().asString()
                .startsWith("spec.preferredWebexSite: not set, and package webex_meetings brings meetings");
        assertThat(awaitCondition(CustomerUser.class, "cal", Conditions.READY, "True").getStatus().getWarnings())
                .as("a package without meetings needs no site").isEmpty();
        String personId = ada.getStatus().getPersonId();

        edit(CustomerUser.class, "ada", u -> u.getSpec().setPreferredWebexSite("sites.webex.com"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(defaultSite(personId)).isEqualTo("sites.webex.com");
            assertThat(customerUser("ada").getStatus().getWarnings()).isEmpty();
        });
        assertThat(LocalHubResource.EXCHANGES).filteredOn(e -> e.path().equals("/v1/meetingPreferences/sites"))
                .as("read, and already the user's default site: nothing to change").isNotEmpty()
                .allSatisfy(e -> assertThat(e.method()).isEqualTo("GET"));

        // The customer's administrator gives her a second site; the spec makes it her default.
        hub().addAttendeeSite(personId, "training.webex.com");
        edit(CustomerUser.class, "ada", u -> u.getSpec().setPreferredWebexSite("training.webex.com"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(defaultSite(personId)).isEqualTo("training.webex.com"));
        assertThat(siteUrls(personId)).as("Update a Person's sites are not how a default is set")
                .containsExactly("training.webex.com#attendee");
    }

    @Test
    void aSiteTheHubRefusesIsReportedNamingTheFieldAndTheUserStays() {
        readyCustomer("badsite");
        CustomerUser bo = user(namespace, "bo", "badsite", "bo@badsite.example.com", "webex_meetings", null);
        bo.getSpec().setPreferredWebexSite("badsite.example.org");
        apply(bo);
        CustomerUser stalled = awaitCondition(CustomerUser.class, "bo", Conditions.STALLED, "True");
        assertThat(condition(stalled, Conditions.STALLED).getReason()).isEqualTo("ProviderRejected");
        assertThat(condition(stalled, Conditions.STALLED).getMessage()).contains("spec.preferredWebexSite",
                "siteUrl badsite.example.org is not a site of the user");
        assertThat(stalled.getStatus().getUserId()).isNotBlank();

        edit(CustomerUser.class, "bo", u -> u.getSpec().setPreferredWebexSite("badsite.webex.com"));
        String personId = awaitCondition(CustomerUser.class, "bo", Conditions.READY, "True").getStatus().getPersonId();
        assertThat(defaultSite(personId)).isEqualTo("badsite.webex.com");
        assertThat(customerUser("bo").getStatus().getUserId()).isEqualTo(stalled.getStatus().getUserId());
    }

    private void readyCustomer(String name) {
        apply(wholesaleCustomer(namespace, name, "hub", "webex_meetings", "webex_calling"));
        awaitCondition(Customer.class, name, Conditions.READY, "True");
    }

    private String defaultSite(String personId) {
        return hubRecords("people").stream().filter(p -> personId.equals(p.path("id").asText())).findFirst()
                .orElseThrow().path("defaultSite").asText(null);
    }

    private java.util.List<String> siteUrls(String personId) {
        JsonNode person = hubRecords("people").stream().filter(p -> personId.equals(p.path("id").asText()))
                .findFirst().orElseThrow();
        return StreamSupport.stream(person.path("siteUrls").spliterator(), false).map(JsonNode::asText).toList();
    }
}
