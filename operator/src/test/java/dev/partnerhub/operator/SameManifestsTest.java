package dev.partnerhub.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.user.ActivationActions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One set of CustomerUser and LicenseAssignment manifests, written once, converges against a webex and a
 * partnercenter connection with the same statuses; the values a vendor alone has (the Customer's key, the user's
 * package or usage location, the licence's name) come from a per-vendor overlay, as a Kustomize overlay gives them.
 * What one provider lacks and the manifest asks for is Stalled UnsupportedByProvider naming the field; nothing is
 * ignored and nothing already provisioned is touched.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class SameManifestsTest extends OperatorTestSupport {

    /** A user of the shared manifests; {@code %3$s} is the vendor's own lines. */
    private static final String USER = """
            apiVersion: partnerhub.dev/v1alpha1
            kind: CustomerUser
            metadata:
              name: %1$s
              labels: {team: sales}
            spec:
              customerRef: {name: org}
              email: %1$s@org.example.com
              firstName: %2$s
              lastName: Lind
            %3$s
            """;
    /** The licence of the shared manifests; {@code %s} is the vendor's name of it. */
    private static final String SEATS = """
            apiVersion: partnerhub.dev/v1alpha1
            kind: LicenseAssignment
            metadata:
              name: sales-seats
            spec:
              customerRef: {name: org}
              license: "%s"
              mode: Exclusive
              users:
                selector:
                  matchLabels: {team: sales}
            """;

    /** A vendor's overlay: the lines only its users have, its licence, and the field and action it lacks. */
    enum Vendor {
        WEBEX("  package: webex_meetings", "Contact center Standard Agent", "  usageLocation: US",
                "spec.usageLocation", ActivationActions.RESET_PASSWORD),
        PARTNER_CENTER("  usageLocation: US", "Microsoft 365 Business Basic", "  package: webex_meetings",
                "spec.package", ActivationActions.RETRY_ACTIVATION);

        final String userLines;
        final String license;
        final String foreignLines;
        final String foreignField;
        final String foreignAction;

        Vendor(String userLines, String license, String foreignLines, String foreignField, String foreignAction) {
            this.userLines = userLines;
            this.license = license;
            this.foreignLines = foreignLines;
            this.foreignField = foreignField;
            this.foreignAction = foreignAction;
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theSharedManifestsConvergeAndWhatTheProviderLacksIsReportedByField(Vendor vendor) {
        String orgId = connectAndMakeTheCustomer(vendor);
        applyYaml(USER.formatted("ann", "Ann", vendor.userLines) + "---\n" + USER.formatted("bo", "Bo",
                vendor.userLines) + "---\n" + SEATS.formatted(vendor.license));

        for (String name : List.of("ann", "bo")) {
            CustomerUser user = awaitCondition(CustomerUser.class, name, Conditions.READY, "True");
            assertThat(user.getStatus().getActivation().getState()).isEqualTo(ActivationState.Provisioned);
        }
        LicenseAssignment seats = awaitCondition(LicenseAssignment.class, "sales-seats", Conditions.READY, "True");
        assertThat(seats.getStatus().getSummary()).isEqualTo("2/2");
        for (String name : List.of("ann", "bo")) {
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(customerUser(name).getStatus().getLicenses())
                    .anySatisfy(l -> {
                        assertThat(l.getLicense()).isEqualTo(vendor.license);
                        assertThat(l.getState()).isEqualTo(LicenseState.Active);
                        assertThat(l.getAssignedBy()).isEqualTo("sales-seats");
                    }));
            assertThat(remote(vendor, orgId, name).path("licenses")).extracting(JsonNode::asText)
                    .contains(vendor.license);
        }

        edit(CustomerUser.class, "ann", u -> u.getSpec().setLastName("Lindqvist"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(remote(vendor, orgId, "ann").path("lastName")
                .asText()).isEqualTo("Lindqvist"));

        // The other vendor's field on a new user: refused before any call, naming the field.
        applyYaml(USER.formatted("cy", "Cy", vendor.foreignLines));
        CustomerUser cy = awaitCondition(CustomerUser.class, "cy", Conditions.STALLED, "True");
        assertThat(condition(cy, Conditions.STALLED).getReason()).isEqualTo("UnsupportedByProvider");
        assertThat(condition(cy, Conditions.STALLED).getMessage()).contains(vendor.foreignField + ": a ")
                .contains("has no such field");
        assertThat(cy.getStatus().getUserId()).isNull();

        // The other vendor's action on a provisioned user: refused naming the annotation; the user stays as it is.
        String bo = customerUser("bo").getStatus().getUserId();
        edit(CustomerUser.class, "bo", u -> u.getMetadata().setAnnotations(Map.of(vendor.foreignAction, "t1")));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            CustomerUser user = customerUser("bo");
            assertThat(condition(user, Conditions.STALLED).getReason()).isEqualTo("UnsupportedByProvider");
            assertThat(condition(user, Conditions.STALLED).getMessage())
                    .contains("metadata.annotations[" + vendor.foreignAction + "]");
        });
        assertThat(customerUser("bo").getStatus().getUserId()).isEqualTo(bo);
        assertThat(remote(vendor, orgId, "bo").path("licenses")).extracting(JsonNode::asText).contains(vendor.license);
    }

    /** The vendor's connection and Customer {@code org} (its one vendor-specific manifest); the org's ID. */
    private String connectAndMakeTheCustomer(Vendor vendor) {
        if (vendor == Vendor.WEBEX) {
            connect("vendor", WebexModel.WHOLESALE);
            apply(Fixtures.wholesaleCustomer(namespace, "org", "vendor", "webex_meetings"));
            return awaitCondition(dev.partnerhub.api.v1alpha1.Customer.class, "org", Conditions.READY, "True")
                    .getStatus().getOrgId();
        }
        String tenant = hub().createTenant("Tenant of " + namespace);
        client.resource(Fixtures.tokenSecret(namespace, LocalHubResource.hub.token())).create();
        client.resource(Fixtures.partnerCenterConnection(namespace, "vendor", hubUrl)).create();
        awaitCondition(PartnerConnection.class, "vendor", Conditions.READY, "True");
        apply(Fixtures.partnerCenterCustomer(namespace, "org", "vendor", tenant));
        awaitCondition(dev.partnerhub.api.v1alpha1.Customer.class, "org", Conditions.READY, "True");
        return tenant;
    }

    /** The user as the hub holds it, with its licences by name: Webex's person, Partner Center's user. */
    private JsonNode remote(Vendor vendor, String orgId, String name) {
        String email = name + "@org.example.com";
        Stream<JsonNode> users = vendor == Vendor.WEBEX
                ? hubRecords("people").stream().filter(p -> orgId.equals(p.path("orgId").asText())
                        && p.path("emails").toString().contains("\"" + email + "\""))
                : StreamSupport.stream(hub().tenant(orgId).path("users").spliterator(), false)
                        .filter(u -> u.path("userPrincipalName").asText().equals(email));
        return users.findFirst().orElseThrow(() -> new AssertionError(email + " is not in the hub"));
    }

    private void applyYaml(String yaml) {
        List<HasMetadata> items = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .items();
        items.forEach(item -> client.resource(item).inNamespace(namespace).create());
    }
}
