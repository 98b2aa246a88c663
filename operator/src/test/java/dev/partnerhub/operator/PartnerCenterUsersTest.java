package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.partnerCenterUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseFailureReason;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.user.Passwords;
import io.fabric8.kubernetes.api.model.Secret;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 001 through the operator against the local hub's Partner Center surface: users created with a temporary
 * password in a Secret, licences for several users at once and taken back, a password reset, a deletion, a restore
 * within 30 days with the licences back, a new user after 30 days, a deleted user someone else deleted, and creates
 * whose replies are lost.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class PartnerCenterUsersTest extends OperatorTestSupport {

    private static final String BASIC = "Microsoft 365 Business Basic";

    private String tenantId;

    @BeforeEach
    void aTenantOnAPartnerCenterConnection() {
        tenantId = hub().createTenant("Tenant of " + namespace);
        client.resource(Fixtures.tokenSecret(namespace, LocalHubResource.hub.token())).create();
        client.resource(Fixtures.partnerCenterConnection(namespace, "pc", hubUrl)).create();
        awaitCondition(PartnerConnection.class, "pc", Conditions.READY, "True");
        apply(Fixtures.partnerCenterCustomer(namespace, "contoso", "pc", tenantId));
        Customer contoso = awaitCondition(Customer.class, "contoso", Conditions.READY, "True");
        assertThat(contoso.getStatus().getCustomerId()).isEqualTo(tenantId);
    }

    @Test
    void usersGetATemporaryPasswordInASecretLicencesForSeveralAtOnceARevocationAndAPasswordReset() {
        for (String name : List.of("amy", "ben")) {
            apply(Fixtures.labelled(partnerCenterUser(namespace, name, "contoso", name + "@contoso.example.com"),
                    Map.of("team", "sales")));
        }
        for (String name : List.of("amy", "ben")) {
            CustomerUser user = awaitCondition(CustomerUser.class, name, Conditions.READY, "True");
            assertThat(user.getStatus().getActivation().getState()).isEqualTo(ActivationState.Provisioned);
            assertThat(user.getStatus().getPasswordSecretRef().getName()).isEqualTo(name + "-password");
            String password = password(name);
            assertThat(password).hasSize(20);
            assertThat(sentPasswords("POST", "/v1/customers/" + tenantId + "/users")).contains(password);
        }

        apply(Fixtures.assignment(namespace, "basic", "contoso", BASIC, LicenseMode.Exclusive, null,
                Map.of("team", "sales")));
        awaitCondition(LicenseAssignment.class, "basic", Conditions.READY, "True");
        assertThat(hubUser("amy").path("licenses")).extracting(JsonNode::asText).containsExactly(BASIC);
        assertThat(hubUser("ben").path("licenses")).extracting(JsonNode::asText).containsExactly(BASIC);

        edit(LicenseAssignment.class, "basic", a -> {
            a.getSpec().getUsers().setSelector(null);
            a.getSpec().getUsers().setNames(List.of("amy"));
        });
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(hubUser("ben").path("licenses")).isEmpty());
        assertThat(hubUser("amy").path("licenses")).extracting(JsonNode::asText).containsExactly(BASIC);

        String before = password("amy");
        edit(CustomerUser.class, "amy", u -> u.getMetadata().setAnnotations(Map.of("partnerhub.dev/reset-password",
                "ticket-1")));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(customerUser("amy").getStatus().getActions())
                .extracting(a -> a.getResetPassword()).isEqualTo("ticket-1"));
        String after = password("amy");
        assertThat(after).isNotEqualTo(before);
        assertThat(sentPasswords("PATCH", "/v1/customers/" + tenantId + "/users/"
                + customerUser("amy").getStatus().getUserId())).contains(after);
    }

    @Test
    void aLicenceOfTheSecondLicenceGroupIsAssignedAndShowsInTheUsersStatus() {
        apply(Fixtures.labelled(partnerCenterUser(namespace, "max", "contoso", "max@contoso.example.com"),
                Map.of("team", "school")));
        apply(Fixtures.assignment(namespace, "minecraft", "contoso", "Minecraft Education", LicenseMode.Additive, null,
                Map.of("team", "school")));
        LicenseAssignment minecraft = awaitCondition(LicenseAssignment.class, "minecraft", Conditions.READY, "True");
        assertThat(minecraft.getStatus().getSeats().getConsumed()).isEqualTo(1);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(customerUser("max").getStatus().getLicenses())
                .singleElement().satisfies(l -> {
                    assertThat(l.getLicense()).isEqualTo("Minecraft Education");
                    assertThat(l.getState()).isEqualTo(dev.partnerhub.api.v1alpha1.LicenseState.Active);
                }));
        assertThat(hubUser("max").path("licenses")).extracting(JsonNode::asText).containsExactly("Minecraft Education");
    }

    @Test
    void aUserGetsTheDirectoryRolesOfItsSpecAndLosesOnlyThoseTheOperatorGave() {
        CustomerUser rita = partnerCenterUser(namespace, "rita", "contoso", "rita@contoso.example.com");
        rita.getSpec().setRoles(List.of("User Administrator"));
        apply(rita);
        CustomerUser ready = awaitCondition(CustomerUser.class, "rita", Conditions.READY, "True");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(hubUser("rita").path("directoryRoles"))
                .extracting(JsonNode::asText).containsExactly("User Administrator"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(customerUser("rita").getStatus().getGrantedRoles())
                .containsExactly("User Administrator"));
        // The customer's own administrator gives her another role: not the operator's to take away.
        hub().addDirectoryRoleMember(tenantId, "Helpdesk Administrator", ready.getStatus().getUserId());

        edit(CustomerUser.class, "rita", u -> u.getSpec().setRoles(List.of()));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(hubUser("rita").path("directoryRoles")).extracting(JsonNode::asText)
                    .containsExactly("Helpdesk Administrator");
            assertThat(customerUser("rita").getStatus().getGrantedRoles()).isEmpty();
        });

        edit(CustomerUser.class, "rita", u -> u.getSpec().setRoles(List.of("Intergalactic Administrator")));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            CustomerUser refused = customerUser("rita");
            assertThat(condition(refused, Conditions.STALLED).getReason()).isEqualTo("InvalidSpec");
            assertThat(condition(refused, Conditions.STALLED).getMessage())
                    .startsWith("spec.roles: Intergalactic Administrator is not a role of the customer's organization")
                    .contains("User Administrator");
        });
        assertThat(hubUser("rita").path("directoryRoles")).extracting(JsonNode::asText)
                .containsExactly("Helpdesk Administrator");
    }

    @Test
    void aDeletedUserComesBackWithItsLicencesWithinThirtyDaysAndAfterThemANewUserIsMade() {
        apply(partnerCenterUser(namespace, "cid", "contoso", "cid@contoso.example.com"));
        apply(Fixtures.assignment(namespace, "basic", "contoso", BASIC, LicenseMode.Additive, List.of("cid"), null));
        awaitCondition(LicenseAssignment.class, "basic", Conditions.READY, "True");
        String first = customerUser("cid").getStatus().getUserId();
        assertThat(hubUser("cid").path("licenses")).extracting(JsonNode::asText).containsExactly(BASIC);

        deleteAndAwaitGone(CustomerUser.class, "cid");
        assertThat(hubUser("cid").path("state").asText()).isEqualTo("inactive");
        assertThat(customer("contoso").getStatus().getDeletedUsers()).singleElement()
                .satisfies(d -> assertThat(d.getUserId()).isEqualTo(first));
        // No assignment gives the licence any more: what the user holds after the restore, the restore gave back.
        deleteAndAwaitGone(LicenseAssignment.class, "basic");

        apply(partnerCenterUser(namespace, "cid", "contoso", "cid@contoso.example.com"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode user = hubUser("cid");
            assertThat(user.path("state").asText()).isEqualTo("active");
            assertThat(user.path("id").asText()).isEqualTo(first);
            assertThat(user.path("licenses")).extracting(JsonNode::asText).containsExactly(BASIC);
        });
        CustomerUser restored = awaitCondition(CustomerUser.class, "cid", Conditions.READY, "True");
        assertThat(restored.getStatus().getUserId()).isEqualTo(first);
        assertThat(restored.getStatus().getRestoreDeadline()).isNotNull();
        assertThat(hubUsers()).hasSize(1);

        deleteAndAwaitGone(CustomerUser.class, "cid");
        hub().advanceClock(Duration.ofDays(31));
        apply(partnerCenterUser(namespace, "cid", "contoso", "cid@contoso.example.com"));
        CustomerUser fresh = awaitCondition(CustomerUser.class, "cid", Conditions.READY, "True");
        assertThat(fresh.getStatus().getUserId()).isNotEqualTo(first);
        assertThat(fresh.getStatus().getActivation().getState()).isEqualTo(ActivationState.Provisioned);
        assertThat(hubUsers()).singleElement().satisfies(u -> {
            assertThat(u.path("id").asText()).isEqualTo(fresh.getStatus().getUserId());
            assertThat(u.path("licenses")).isEmpty();
        });
    }

    @Test
    void aUserSomeoneElseDeletedIsNotRestoredUnlessAdoptedAndSeatsRunningOutIsACountViolation() {
        apply(partnerCenterUser(namespace, "dee", "contoso", "dee@contoso.example.com"));
        String id = awaitCondition(CustomerUser.class, "dee", Conditions.READY, "True").getStatus().getUserId();
        // Removed from the manifests but kept, then deleted in the portal: not this namespace's deletion.
        edit(CustomerUser.class, "dee", u -> u.getSpec().setDeletionPolicy(
                dev.partnerhub.api.v1alpha1.DeletionPolicy.Orphan));
        deleteAndAwaitGone(CustomerUser.class, "dee");
        TestProviders.partnerCenter(hubUrl, LocalHubResource.hub.token()).users()
                .delete(new dev.partnerhub.providers.spi.model.CustomerScope(tenantId), id);

        apply(partnerCenterUser(namespace, "dee", "contoso", "dee@contoso.example.com"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            CustomerUser dee = customerUser("dee");
            assertThat(condition(dee, Conditions.STALLED).getReason()).isEqualTo("AlreadyExists");
            assertThat(condition(dee, Conditions.STALLED).getMessage()).contains("A deleted user (restorable until")
                    .contains("spec.adoptExisting: true to restore it");
        });
        assertThat(hubUser("dee").path("state").asText()).isEqualTo("inactive");
        edit(CustomerUser.class, "dee", u -> u.getSpec().setAdoptExisting(true));
        assertThat(awaitCondition(CustomerUser.class, "dee", Conditions.READY, "True").getStatus().getUserId())
                .isEqualTo(id);

        hub().setSkuSeats(tenantId, "Microsoft 365 E3", 0);
        apply(Fixtures.assignment(namespace, "e3", "contoso", "Microsoft 365 E3", LicenseMode.Additive,
                List.of("dee"), null));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(customerUser("dee").getStatus().getLicenses())
                .anySatisfy(l -> assertThat(l.getReason()).isEqualTo(LicenseFailureReason.CountViolation)));
    }

    @Test
    void createsWhoseRepliesAreLostAreSentAgainWithTheirRequestIdAndMakeOneUserEach() {
        String route = "/v1/customers/" + tenantId + "/users";
        hub().addFault(new ObjectMapper().createObjectNode().put("method", "POST").put("pathPrefix", route)
                .put("lostReply", true).put("times", 3));
        List<String> names = List.of("eve", "finn", "gus");
        names.forEach(n -> apply(partnerCenterUser(namespace, n, "contoso", n + "@contoso.example.com")));
        names.forEach(n -> assertThat(awaitCondition(CustomerUser.class, n, Conditions.READY, "True").getStatus()
                .getCreatePending()).isNull());

        assertThat(hubUsers()).extracting(u -> u.path("userPrincipalName").asText()).containsExactlyInAnyOrder(
                "eve@contoso.example.com", "finn@contoso.example.com", "gus@contoso.example.com");
        var creates = LocalHubResource.EXCHANGES.stream().filter(e -> e.method().equals("POST")
                && e.path().equals(route)).toList();
        assertThat(creates).as("three lost replies, each create sent again").hasSizeGreaterThanOrEqualTo(6);
        for (String name : names) {
            assertThat(creates.stream().filter(e -> e.requestBody().contains(name + "@contoso.example.com"))
                    .map(e -> requestId(e.requestHeaders())).distinct()).as("the MS-RequestId of %s's creates", name)
                    .singleElement().isNotNull();
        }
    }

    private static String requestId(Map<String, String> headers) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("MS-RequestId"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private String password(String user) {
        Secret secret = client.secrets().inNamespace(namespace).withName(user + "-password").get();
        return new String(Base64.getDecoder().decode(secret.getData().get(Passwords.KEY)), StandardCharsets.UTF_8);
    }

    /** The passwords the hub received on a route. */
    private static List<String> sentPasswords(String method, String path) {
        return LocalHubResource.EXCHANGES.stream().filter(e -> e.method().equals(method) && e.path().equals(path))
                .map(e -> {
                    try {
                        return new ObjectMapper().readTree(e.requestBody()).path("passwordProfile").path("password")
                                .asText(null);
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }).filter(p -> p != null).toList();
    }

    private List<JsonNode> hubUsers() {
        return StreamSupport.stream(hub().tenant(tenantId).path("users").spliterator(), false).toList();
    }

    private JsonNode hubUser(String name) {
        return hubUsers().stream().filter(u -> u.path("userPrincipalName").asText().startsWith(name + "@"))
                .findFirst().orElseThrow();
    }
}
