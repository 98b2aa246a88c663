package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed CRDs on a real API server: accepted and Established, and bad manifests refused by admission (schema
 * patterns, enums and CEL rules) with the field named, before any operator sees them.
 */
@RealKubernetes
class CrdAdmissionTest {

    private static final String NS = "admission";

    @BeforeAll
    static void installCrds(ControlPlane plane) {
        Project.installCrds(plane);
        assertThat(plane.kubectl("create", "namespace", NS).exitCode()).isZero();
    }

    @Test
    void everyCrdIsAcceptedAndEstablished(ControlPlane plane) {
        ControlPlane.Kubectl.Result crds = plane.kubectl("get", "crd", "-o",
                "jsonpath={range .items[*]}{.metadata.name}={.status.conditions[?(@.type==\"Established\")].status}"
                        + "{\"\\n\"}{end}");
        assertThat(crds.output().lines()).containsExactlyInAnyOrder("customers.partnerhub.dev=True",
                "customerusers.partnerhub.dev=True", "licenseassignments.partnerhub.dev=True",
                "partnerconnections.partnerhub.dev=True");
    }

    @Test
    void kubectlExplainDescribesTheKindAndAConditionsReason(ControlPlane plane) {
        ControlPlane.Kubectl.Result explain = plane.kubectl("explain", "customeruser.status.conditions.reason");
        assertThat(explain.exitCode()).as(explain.output()).isZero();
        assertThat(explain.output()).contains("FIELD: reason")
                .contains("Why the condition has this status, in one CamelCase word");
        ControlPlane.Kubectl.Result kind = plane.kubectl("explain", "customeruser");
        assertThat(kind.output()).contains("One user of a customer organization");
    }

    @Test
    void aBadEmailPhoneNumberOrPolicyIsRefusedNamingTheField(ControlPlane plane) {
        assertRefused(plane, "bad-email", user("bad-email", "acme", "email: not-an-email\n  package: webex_meetings"),
                "spec.email");
        assertRefused(plane, "bad-phone", user("bad-phone", "acme", "package: webex_calling\n  phoneNumber: \"2405551001\""),
                "spec.phoneNumber");
        assertRefused(plane, "bad-policy", user("bad-policy", "acme",
                "package: webex_meetings\n  deletionPolicy: Sometimes"), "spec.deletionPolicy");
    }

    @Test
    void aCallingPackageWithoutAPhoneNumberOrExtensionIsRefused(ControlPlane plane) {
        ControlPlane.Kubectl.Result result = Project.apply(plane, "no-line", user("no-line", "acme",
                "package: webex_calling"));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("spec.phoneNumber").contains("spec.extension");

        ControlPlane.Kubectl.Result withExtension = Project.apply(plane, "with-extension", user("with-extension",
                "acme", "package: standard\n  extension: \"1001\""));
        assertThat(withExtension.exitCode()).as(withExtension.output()).isZero();
        ControlPlane.Kubectl.Result meetingsOnly = Project.apply(plane, "meetings-only", user("meetings-only", "acme",
                "package: webex_meetings"));
        assertThat(meetingsOnly.exitCode()).as(meetingsOnly.output()).isZero();
    }

    @Test
    void aCustomerWithACallingPackageNeedsItsCallingLocation(ControlPlane plane) {
        String customer = """
                apiVersion: partnerhub.dev/v1alpha1
                kind: Customer
                metadata: {name: %s, namespace: %s}
                spec:
                  connectionRef: {name: wholesale}
                  externalId: %s
                  provisioningId: local-trusted
                  packages: [webex_meetings, %s]
                %s""";
        ControlPlane.Kubectl.Result without = Project.apply(plane, "no-location", customer.formatted("no-location", NS,
                "no-location", "webex_calling", ""));
        assertThat(without.exitCode()).as(without.output()).isNotZero();
        assertThat(without.output()).contains("spec.calling.location").contains("timezone and language");
        ControlPlane.Kubectl.Result with = Project.apply(plane, "with-location", customer.formatted("with-location",
                NS, "with-location", "webex_calling", "  calling: {location: {timezone: Europe/Stockholm, language: "
                        + "sv_se}}"));
        assertThat(with.exitCode()).as(with.output()).isZero();
        ControlPlane.Kubectl.Result meetings = Project.apply(plane, "meetings-customer", customer.formatted(
                "meetings-customer", NS, "meetings-customer", "webex_meetings", ""));
        assertThat(meetings.exitCode()).as("no calling package, no location: " + meetings.output()).isZero();
        assertPatchRefused(plane, "customer/with-location",
                "{\"spec\":{\"calling\":{\"location\":{\"timezone\":\"Europe/Oslo\"}}}}", "spec.calling.location");
    }

    @Test
    void anAssignmentThatNamesNoUserAndSelectsNothingIsRefused(ControlPlane plane) {
        ControlPlane.Kubectl.Result result = Project.apply(plane, "no-users", """
                apiVersion: partnerhub.dev/v1alpha1
                kind: LicenseAssignment
                metadata: {name: no-users, namespace: %s}
                spec:
                  customerRef: {name: acme}
                  license: Webex Attendant Console
                  users: {names: []}
                """.formatted(NS));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("spec.users").contains("{} selects every CustomerUser");
        assertThat(Project.apply(plane, "all-users", """
                apiVersion: partnerhub.dev/v1alpha1
                kind: LicenseAssignment
                metadata: {name: all-users, namespace: %s}
                spec:
                  customerRef: {name: acme}
                  license: Webex Attendant Console
                  users: {selector: {}}
                """.formatted(NS)).exitCode()).isZero();
    }

    @Test
    void aHugeStringOrAMalformedSelectorIsRefusedAsKubernetesRefusesThem(ControlPlane plane) {
        assertRefused(plane, "huge-email", user("huge-email", "acme", "email: " + "a".repeat(250)
                + "@example.com\n  package: webex_meetings"), "spec.email");
        assertRefused(plane, "no-operator", """
                apiVersion: partnerhub.dev/v1alpha1
                kind: LicenseAssignment
                metadata: {name: no-operator, namespace: %s}
                spec:
                  customerRef: {name: acme}
                  license: Webex Attendant Console
                  users: {selector: {matchExpressions: [{key: team, values: [front]}]}}
                """.formatted(NS), "spec.users.selector.matchExpressions[0].operator");
        assertRefused(plane, "bad-operator", """
                apiVersion: partnerhub.dev/v1alpha1
                kind: PartnerConnection
                metadata: {name: bad-operator, namespace: %s}
                spec:
                  provider: webex
                  endpoint: https://webexapis.com/v1
                  credentialsSecretRef: {name: webex-token}
                  allowedNamespaces: {matchExpressions: [{key: team, operator: Maybe}]}
                """.formatted(NS), "spec.allowedNamespaces.matchExpressions[0].operator");
    }

    @Test
    void theFieldsThatIdentifyAResourceCannotChangeAfterCreation(ControlPlane plane) {
        assertThat(Project.apply(plane, "bound-user", user("bound-user", "acme",
                "package: basic\n  extension: \"2001\"\n  broadworks:\n    userId: bound@sp.example.com")).exitCode())
                .isZero();
        assertPatchRefused(plane, "customeruser/bound-user", "{\"spec\":{\"customerRef\":{\"name\":\"globex\"}}}",
                "spec.customerRef");
        assertPatchRefused(plane, "customeruser/bound-user",
                "{\"spec\":{\"broadworks\":{\"userId\":\"other@sp.example.com\"}}}", "spec.broadworks.userId");
        assertPatchRefused(plane, "customeruser/bound-user", "{\"spec\":{\"broadworks\":null}}",
                "spec.broadworks.userId");

        assertThat(Project.apply(plane, "bound-customer", """
                apiVersion: partnerhub.dev/v1alpha1
                kind: Customer
                metadata: {name: bound-customer, namespace: %s}
                spec:
                  connectionRef: {name: wholesale}
                  externalId: acme-0001
                  provisioningId: local-trusted
                  attach: {orgId: org-1}
                """.formatted(NS)).exitCode()).isZero();
        assertPatchRefused(plane, "customer/bound-customer", "{\"spec\":{\"connectionRef\":{\"name\":\"other\"}}}",
                "spec.connectionRef");
        assertPatchRefused(plane, "customer/bound-customer",
                "{\"spec\":{\"connectionRef\":{\"namespace\":\"elsewhere\"}}}", "spec.connectionRef");
        assertPatchRefused(plane, "customer/bound-customer", "{\"spec\":{\"externalId\":\"acme-0002\"}}",
                "spec.externalId");
        assertPatchRefused(plane, "customer/bound-customer", "{\"spec\":{\"attach\":{\"orgId\":\"org-2\"}}}",
                "spec.attach.orgId");
        assertPatchRefused(plane, "customer/bound-customer", "{\"spec\":{\"attach\":null}}", "spec.attach.orgId");

        assertThat(Project.apply(plane, "bound-connection", """
                apiVersion: partnerhub.dev/v1alpha1
                kind: PartnerConnection
                metadata: {name: bound-connection, namespace: %s}
                spec:
                  provider: webex
                  credentialsSecretRef: {name: webex-token}
                """.formatted(NS)).exitCode()).isZero();
        assertPatchRefused(plane, "partnerconnection/bound-connection",
                "{\"spec\":{\"provider\":\"partnercenter\"}}", "spec.provider");
        assertPatchRefused(plane, "partnerconnection/bound-connection",
                "{\"spec\":{\"webex\":{\"model\":\"broadworks\"}}}", "spec.webex.model");
        ControlPlane.Kubectl.Result sameModel = plane.kubectl("-n", NS, "patch", "partnerconnection/bound-connection",
                "--type=merge", "-p", "{\"spec\":{\"webex\":{\"model\":\"wholesale\"}}}");
        assertThat(sameModel.exitCode()).as("naming the model it had by default is no change: " + sameModel.output())
                .isZero();

        ControlPlane.Kubectl.Result mutable = plane.kubectl("-n", NS, "patch", "customer/bound-customer",
                "--type=merge", "-p", "{\"spec\":{\"displayName\":\"ACME Renamed\",\"deletionPolicy\":\"Orphan\"}}");
        assertThat(mutable.exitCode()).as("other fields stay editable: " + mutable.output()).isZero();
    }

    private static void assertRefused(ControlPlane plane, String name, String yaml, String field) {
        ControlPlane.Kubectl.Result result = Project.apply(plane, name, yaml);
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("is invalid").contains(field);
    }

    private static void assertPatchRefused(ControlPlane plane, String resource, String patch, String field) {
        ControlPlane.Kubectl.Result result = plane.kubectl("-n", NS, "patch", resource, "--type=merge", "-p", patch);
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains(field).contains("cannot change");
    }

    private static String user(String name, String customer, String specLines) {
        return """
                apiVersion: partnerhub.dev/v1alpha1
                kind: CustomerUser
                metadata: {name: %s, namespace: %s}
                spec:
                  customerRef: {name: %s}
                  %s
                """.formatted(name, NS, customer, specLines);
    }
}
