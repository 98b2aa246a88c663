package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.labelled;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.sandbox.Json;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The bad inputs of {@link BadInputMatrixTest}: manifests, Secrets and hub replies, each with the resource that must
 * say so, the condition, its reason and what its message names. Each is made beside a converged customer "base" (user
 * ann, ann@NAMESPACE.example.com ({ns} in an email below), licence {@value #LICENCE}) on connection "hub"; the made
 * resource is always "bad".
 */
final class BadInputs {

    static final String LICENCE = "Contact center Standard Agent";

    /**
     * @param local the refusal comes before any write to the provider: nothing is sent for it
     */
    record Case(String name, Consumer<BadInputMatrixTest> make, Class<? extends CustomResource<?, ?>> kind,
            String condition, String reason, boolean local, String... says) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BadInputs() {
    }

    static Stream<Case> all() {
        return Stream.of(users(), customers(), assignments(), connections(), replies()).flatMap(s -> s);
    }

    private static Case userCase(String name, String email, Consumer<CustomerUser> change, String condition,
            String reason, boolean local, String... says) {
        return new Case(name, t -> {
            CustomerUser u = Fixtures.user(t.base(), "bad", "base", email.replace("{ns}", t.base())
                    .replace("{NS}", t.base().toUpperCase(java.util.Locale.ROOT)), "webex_meetings", null);
            change.accept(u);
            t.apply(u);
        }, CustomerUser.class, condition, reason, local, says);
    }

    private static Stream<Case> users() {
        Consumer<CustomerUser> none = u -> { };
        return Stream.of(
                userCase("an email without @, where no admission ran", "bad.{ns}.example.com", none, "Stalled",
                        "ProviderRejected", false, "HTTP 400", "email"),
                userCase("an IDN email domain, sent as written", "jose@bücher-{ns}.example", none, "Ready",
                        "Provisioned", false),
                userCase("a unicode local part, sent as written", "josé@{ns}.example.com", none, "Ready",
                        "Provisioned", false),
                userCase("the email of another user, in other case", "ANN@{NS}.Example.com", none, "Stalled",
                        "DuplicateUser", true, "spec.email", "CustomerUser ann"),
                userCase("a package that does not exist", "bad@{ns}.example.com", u -> u.getSpec()
                        .setPackageName("webex_everything"), "Stalled", "InvalidSpec", true, "spec.package:", "webex_everything"),
                userCase("a calling package without a number", "bad@{ns}.example.com", u -> u.getSpec()
                        .setPackageName("webex_calling"), "Stalled", "InvalidSpec", true, "spec.phoneNumber"),
                userCase("a customer that does not exist", "bad@{ns}.example.com", u -> u.getSpec().getCustomerRef()
                        .setName("nobody"), "Ready", "CustomerNotFound", true, "nobody"),
                userCase("a role the provider does not have", "bad@{ns}.example.com", u -> u.getSpec()
                        .setRoles(List.of("Galactic Administrator")), "Stalled", "InvalidSpec", true, "spec.roles",
                        "Galactic Administrator"),
                userCase("a BroadWorks user ID on a Wholesale customer", "bad@{ns}.example.com", u -> {
                    var bw = new dev.partnerhub.api.v1alpha1.UserBroadWorks();
                    bw.setUserId("bad@bw.example.com");
                    u.getSpec().setBroadworks(bw);
                }, "Stalled", "UnsupportedByProvider", true, "spec.broadworks.userId", "remove it"));
    }

    private static Case customerCase(String name, Consumer<Customer> change, String reason, boolean local,
            String... says) {
        return new Case(name, t -> {
            Customer c = wholesaleCustomer(t.base(), "bad", "hub", "webex_meetings");
            change.accept(c);
            t.apply(c);
        }, Customer.class, "Stalled", reason, local, says);
    }

    private static Stream<Case> customers() {
        return Stream.of(
                customerCase("a customer package that does not exist", c -> c.getSpec().setPackages(List.of(
                        "webex_everything")), "InvalidSpec", true, "spec.packages", "webex_everything"),
                customerCase("no package at all", c -> c.getSpec().setPackages(List.of()), "InvalidSpec", true,
                        "spec.packages"),
                new Case("the externalId of another Customer", t -> {
                    Customer c = wholesaleCustomer(t.base(), "bad", "hub", "webex_meetings");
                    c.getSpec().setExternalId(t.baseExternalId());
                    t.apply(c);
                }, Customer.class, "Stalled", "DuplicateCustomer", true, "spec.externalId", "base"),
                customerCase("a connection that does not exist", c -> c.getSpec().getConnectionRef().setName("nowhere"),
                        "ConnectionNotFound", true, "nowhere"),
                customerCase("a calling package without a calling location", c -> {
                    c.getSpec().setPackages(List.of("webex_calling"));
                    c.getSpec().setCalling(null);
                }, "InvalidSpec", true, "spec.calling"));
    }

    private static Case assignmentCase(String name, Consumer<LicenseAssignment> change, String condition,
            String reason, boolean local, String... says) {
        return new Case(name, t -> {
            LicenseAssignment a = Fixtures.assignment(t.base(), "bad", "base", LICENCE, LicenseMode.Additive, null,
                    Map.of("team", "base"));
            change.accept(a);
            t.apply(a);
        }, LicenseAssignment.class, condition, reason, local, says);
    }

    private static Stream<Case> assignments() {
        return Stream.of(
                assignmentCase("a licence name that does not exist", a -> a.getSpec().setLicense("Webex Teleportation"),
                        "Stalled", "LicenseNotFound", true, "spec.license", "Webex Teleportation"),
                assignmentCase("a selector requirement without operator", a -> a.getSpec().getUsers().setSelector(
                        new LabelSelectorBuilder().withMatchExpressions(new LabelSelectorRequirementBuilder()
                                .withKey("team").withValues("base").build()).build()), "Stalled", "InvalidSpec",
                        true, "spec.users.selector", "operator"),
                assignmentCase("a selector operator that does not exist", a -> a.getSpec().getUsers().setSelector(
                        new LabelSelectorBuilder().withMatchExpressions(new LabelSelectorRequirementBuilder()
                                .withKey("team").withOperator("Maybe").withValues("base").build()).build()),
                        "Stalled", "InvalidSpec", true, "spec.users.selector", "Maybe"),
                assignmentCase("In without values", a -> a.getSpec().getUsers().setSelector(new LabelSelectorBuilder()
                        .withMatchExpressions(new LabelSelectorRequirementBuilder().withKey("team")
                                .withOperator("In").build()).build()), "Stalled", "InvalidSpec", true,
                        "spec.users.selector", "values"),
                assignmentCase("Exists with values", a -> a.getSpec().getUsers().setSelector(new LabelSelectorBuilder()
                        .withMatchExpressions(new LabelSelectorRequirementBuilder().withKey("team")
                                .withOperator("Exists").withValues("base").build()).build()), "Stalled",
                        "InvalidSpec", true, "spec.users.selector", "values"),
                assignmentCase("a label value Kubernetes refuses", a -> a.getSpec().getUsers().setSelector(
                        new LabelSelectorBuilder().withMatchLabels(Map.of("team", "not a label value!")).build()),
                        "Stalled", "InvalidSpec", true, "spec.users.selector"),
                assignmentCase("an Exclusive assignment leaving out a user another assignment gives the licence", a -> {
                    a.getSpec().setMode(LicenseMode.Exclusive);
                    a.getSpec().getUsers().setSelector(new LabelSelectorBuilder().withMatchLabels(Map.of("team",
                            "nobody")).build());
                }, "Ready", "AssignedWithConflicts", true, "status.conflicts"),
                assignmentCase("a selector over every user (an empty one, as Kubernetes reads it)", a -> a.getSpec()
                        .getUsers().setSelector(new LabelSelectorBuilder().build()), "Ready", "Assigned", true,
                        "Every selected user"),
                assignmentCase("a user name that does not exist", a -> {
                    a.getSpec().getUsers().setSelector(null);
                    a.getSpec().getUsers().setNames(List.of("nobody"));
                }, "Ready", "Refused", true, "status.failures"));
    }

    private static Case connectionCase(String name, Consumer<BadInputMatrixTest> make, String reason, String... says) {
        return new Case(name, make, PartnerConnection.class, "Ready", reason, true, says);
    }

    private static void connectionWith(BadInputMatrixTest t, String endpoint, Map<String, String> secret) {
        t.apply(new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName("bad-token")
                .withNamespace(t.base()).build()).addToStringData(secret).build());
        PartnerConnection c = Fixtures.connection(t.base(), "bad", endpoint, WebexModel.WHOLESALE);
        c.getSpec().getCredentialsSecretRef().setName("bad-token");
        t.apply(c);
    }

    private static Stream<Case> connections() {
        return Stream.of(
                connectionCase("a Secret that does not exist", t -> {
                    PartnerConnection c = Fixtures.connection(t.base(), "bad", t.hubUrl + "/v1",
                            WebexModel.WHOLESALE);
                    c.getSpec().getCredentialsSecretRef().setName("missing");
                    t.apply(c);
                }, "SecretNotFound", "missing"),
                connectionCase("a Secret without the key", t -> connectionWith(t, t.hubUrl + "/v1", Map.of("other",
                        "x")), "SecretKeyMissing", "spec.credentialsSecretRef.key", "bad-token", "token"),
                connectionCase("an empty token", t -> connectionWith(t, t.hubUrl + "/v1", Map.of("token", "")),
                        "SecretKeyMissing", "spec.credentialsSecretRef.key", "bad-token", "token"),
                connectionCase("a token with a line break", t -> connectionWith(t, t.hubUrl + "/v1", Map.of("token",
                        "local-dev\n-token")), "InvalidCredentials", "bad-token", "token"),
                connectionCase("a token the provider refuses", t -> connectionWith(t, t.hubUrl + "/v1", Map.of("token",
                        "not-the-hub-token")), "CredentialsRejected", "spec.credentialsSecretRef", "HTTP 401"),
                connectionCase("plain http to a host that is not loopback", t -> connectionWith(t,
                        "http://hub.example.com/v1", Map.of("token", "x")), "InsecureEndpoint", "spec.endpoint",
                        "allowInsecure"),
                connectionCase("an endpoint that is not a URL", t -> connectionWith(t, "hub.example.com/v1",
                        Map.of("token", "x")), "InvalidSpec", "spec.endpoint"),
                connectionCase("an unreachable host", t -> connectionWith(t, "http://127.0.0.1:9/v1", Map.of("token",
                        "x")), "ProviderUnavailable", "no reply from the provider"),
                connectionCase("a host name that does not resolve", t -> connectionWith(t,
                        "https://no-such-host.invalid/v1", Map.of("token", "x")), "ProviderUnavailable",
                        "no reply from the provider"));
    }

    private static Case replyCase(String name, String method, String path, String fault, String value,
            String condition, String reason, String... says) {
        return new Case(name, t -> {
            t.hub().addFault(Json.object().put("method", method).put("pathPrefix", path).put(fault, value)
                    .put("seconds", 300));
            t.apply(labelled(Fixtures.user(t.base(), "bad", "base", "bad@" + t.base() + ".example.com",
                    "webex_meetings", null),
                    Map.of("team", "other")));
        }, CustomerUser.class, condition, reason, false, says);
    }

    private static Stream<Case> replies() {
        return Stream.of(
                // The create went through and only its reply is spoiled: the user finds its own subscriber, once.
                replyCase("an HTML page instead of the created subscriber", "POST", "/v1/wholesale/subscribers",
                        "malformed", "html", "Ready", "Provisioned"),
                replyCase("the created subscriber cut in the middle", "POST", "/v1/wholesale/subscribers", "malformed",
                        "truncated", "Ready", "Provisioned"),
                replyCase("a created subscriber without its ID", "POST", "/v1/wholesale/subscribers", "malformed",
                        "no_ids", "Ready", "Provisioned"),
                replyCase("someone else's subscriber in the list", "GET", "/v1/wholesale/subscribers", "malformed",
                        "canned", "Synced", "ProviderUnavailable", "customer"),
                replyCase("an HTML page instead of the subscriber list", "GET", "/v1/wholesale/subscribers",
                        "malformed", "html", "Synced", "ProviderUnavailable", "not the JSON the API documents"),
                replyCase("503 on every create", "POST", "/v1/wholesale/subscribers", "status", "503", "Synced",
                        "ProviderUnavailable", "503"),
                replyCase("500 on every create", "POST", "/v1/wholesale/subscribers", "status", "500", "Synced",
                        "ProviderUnavailable", "500"));
    }
}
