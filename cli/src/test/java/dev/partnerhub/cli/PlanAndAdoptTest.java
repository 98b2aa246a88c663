package dev.partnerhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.cli.local.LocalEnvironment;
import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.http.RateLimiter;
import dev.partnerhub.providers.spi.http.RetryPolicy;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.providers.spi.model.UserState;
import dev.partnerhub.providers.webex.WebexProviderFactory;
import dev.partnerhub.sandbox.HubAdminClient;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * hubctl plan and adopt against the local mode (embedded API, local hub, the built operator): creates for a fresh
 * customer, no change once the operator converged it, exactly the edited fields of three kinds; and adopted users
 * taken over with no create and no change in the hub. Neither command writes to the hub.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanAndAdoptTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String NS = "plan-demo";

    @TempDir
    static Path work;

    private static LocalEnvironment env;
    private static Path kubeconfig;
    private static KubernetesClient client;
    private static Path dir;

    @BeforeAll
    static void startLocalModeWithoutSamples() throws Exception {
        kubeconfig = work.resolve("kubeconfig");
        Path noSamples = Files.createDirectories(work.resolve("no-samples"));
        env = LocalEnvironment.start(new LocalEnvironment.Settings(0, 0, kubeconfig, ROOT.resolve("crds"), noSamples,
                ROOT.resolve("operator/target/quarkus-app/quarkus-run.jar"),
                ROOT.resolve("cli/target/operator-plan-test.log")));
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName(NS).endMetadata().build()).create();
        dir = Files.createDirectories(work.resolve("initech"));
        write("connection.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: hub-token}
                stringData: {token: %s}
                ---
                apiVersion: partnerhub.dev/v1alpha1
                kind: PartnerConnection
                metadata: {name: wholesale}
                spec:
                  provider: webex
                  endpoint: %s
                  credentialsSecretRef: {name: hub-token, key: token}
                  webex: {model: wholesale}
                """.formatted(env.hub().token(), env.hub().apiUrl()));
        write("customer.yaml", """
                apiVersion: partnerhub.dev/v1alpha1
                kind: Customer
                metadata: {name: initech}
                spec:
                  connectionRef: {name: wholesale}
                  externalId: initech-0001
                  displayName: Initech
                  primaryEmail: it@initech.example.com
                  provisioningId: local-trusted
                  packages: [webex_meetings]
                  address: {addressLine1: 1 Initech Way, city: Austin, country: US}
                  calling: {location: {timezone: America/Chicago, language: en_us}}
                """);
        write("ian.yaml", user("ian", "Ek"));
        write("ida.yaml", user("ida", "Berg"));
        write("seats.yaml", seats("ian"));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (env != null) {
            env.close();
        }
    }

    @Test
    @Order(1)
    void aFreshCustomerIsAllCreatesThenNoChangeOnceConvergedThenExactlyTheEditedFields() throws Exception {
        Map<String, Long> writesBefore = hubWrites();
        Result fresh = plan();
        assertThat(fresh.exit()).as(fresh.output()).isEqualTo(2);
        assertThat(fresh.output()).contains(
                "+ Customer plan-demo/initech: create\n      key initech-0001\n",
                "+ CustomerUser plan-demo/ian: create\n      key ian@initech.example.com\n",
                "+ CustomerUser plan-demo/ida: create\n",
                "+ LicenseAssignment plan-demo/seats: create\n      + ian (Contact center Standard Agent)\n")
                .endsWith("Plan: 4 to create, 0 to update, 0 to delete, 0 unchanged.\n");

        applyFolder();
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(client
                .resources(LicenseAssignment.class).inNamespace(NS).withName("seats").get().getStatus().getSummary())
                .isEqualTo("1/1"));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(client.resources(CustomerUser.class)
                .inNamespace(NS).list().getItems()).allSatisfy(u -> assertThat(u.getStatus().getActivation()
                        .getState().name()).isEqualTo("Provisioned")));
        Result converged = plan();
        assertThat(converged.output()).endsWith("Plan: 0 to create, 0 to update, 0 to delete, 4 unchanged.\n");
        assertThat(converged.exit()).as(converged.output()).isZero();

        Map<String, Long> writesConverged = hubWrites();
        write("customer.yaml", Files.readString(dir.resolve("customer.yaml"))
                .replace("packages: [webex_meetings]", "packages: [webex_meetings, webex_calling]"));
        write("ian.yaml", user("ian", "Ivarsson"));
        write("seats.yaml", seats("ida"));
        Result edited = plan();
        assertThat(edited.exit()).as(edited.output()).isEqualTo(2);
        assertThat(edited.output()).isEqualTo("""
                ~ Customer plan-demo/initech: update
                      spec.packages: [webex_meetings] -> [webex_meetings, webex_calling]
                ~ CustomerUser plan-demo/ian: update
                      spec.lastName: Ek -> Ivarsson
                  CustomerUser plan-demo/ida: no change
                ~ LicenseAssignment plan-demo/seats: update
                      + ida (Contact center Standard Agent)
                      - ian (Contact center Standard Agent)
                Plan: 0 to create, 3 to update, 0 to delete, 1 unchanged.
                """);
        JsonNode json = new ObjectMapper().readTree(plan("-o", "json").output());
        assertThat(json.path("summary").path("update").asInt()).isEqualTo(3);
        assertThat(json.path("changes").get(1).path("name").asText()).isEqualTo("ian");
        assertThat(json.path("changes").get(1).path("details").get(0).asText()).isEqualTo(
                "spec.lastName: Ek -> Ivarsson");
        assertThat(hubWrites()).as("plan only reads").isEqualTo(writesConverged);
        assertThat(writesConverged.keySet()).containsAll(writesBefore.keySet());

        // Applied, the operator converges the edits, and the plan says so.
        applyFolder();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(plan().exit()).isZero());
    }

    @Test
    @Order(2)
    void usersMadeInThePortalAreAdoptedWithNoCreateAndNoChangeInTheHub() throws Exception {
        var initech = client.resources(dev.partnerhub.api.v1alpha1.Customer.class).inNamespace(NS)
                .withName("initech").get().getStatus();
        String customerId = initech.getCustomerId();
        String orgId = initech.getOrgId();
        Provider portal = new WebexProviderFactory().create(new ConnectionSettings(env.hub().apiUrl(),
                () -> env.hub().token(), new RateLimiter(10, 10), Map.of("webex.model", "wholesale"),
                RetryPolicy.defaults()));
        // The first test's package change may still be provisioning; the portal too adds users once it is done.
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(portal.customers().get(customerId).orElseThrow()
                .state()).isEqualTo(RemoteCustomer.State.READY));
        String pat = portal.users().create(new CustomerScope(customerId), new UserRequest("pat@initech.example.com",
                "pat@initech.example.com", "Pat", "Portal", null, "webex_calling", "+12405559001", "9001", null, null,
                null, null)).id();
        String quinn = portal.users().create(new CustomerScope(customerId), new UserRequest(
                "quinn@initech.example.com", "quinn@initech.example.com", "Quinn", "Quist", null, "webex_meetings",
                null, null, null, null, null, null)).id();

        // Users that exist: provisioned, with the person the People API shows for them.
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(portal.users().list(new CustomerScope(customerId),
                null)).filteredOn(u -> u.id().equals(pat) || u.id().equals(quinn))
                .allSatisfy(u -> {
                    assertThat(u.state()).isEqualTo(UserState.PROVISIONED);
                    assertThat(portal.licensing().people(orgId)).anySatisfy(p -> assertThat(p.id())
                            .isEqualTo(u.personId()));
                }).hasSize(2));

        Path adopted = work.resolve("adopted");
        StringWriter buffer = new StringWriter();
        CommandLine line = Hubctl.commandLine();
        line.setOut(new PrintWriter(buffer, true));
        assertThat(line.execute("adopt", "--customer", "initech", "-n", NS, "--out-dir", adopted.toString(),
                "--kubeconfig", kubeconfig.toString())).isZero();
        assertThat(buffer.toString()).startsWith("2 users of plan-demo/initech in the provider are not declared; 2 "
                + "manifests written to " + adopted);
        assertThat(Files.readString(adopted.resolve("pat.yaml"))).as(buffer.toString()).contains("email: pat@initech.example.com",
                "package: webex_calling", "phoneNumber: \"+12405559001\"", "extension: \"9001\"",
                "adoptExisting: true", "deletionPolicy: Orphan");

        Map<String, Long> before = hubWrites();
        try (Stream<Path> files = Files.list(adopted)) {
            for (Path file : files.sorted().toList()) {
                client.load(Files.newInputStream(file)).items().forEach(o -> client.resource(o).create());
            }
        }
        for (String[] expected : List.of(new String[] {"pat", pat}, new String[] {"quinn", quinn})) {
            await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
                CustomerUser u = client.resources(CustomerUser.class).inNamespace(NS).withName(expected[0]).get();
                assertThat(u.getStatus().getUserId()).isEqualTo(expected[1]);
                assertThat(u.getStatus().getActivation().getState().name()).isEqualTo("Provisioned");
                assertThat(u.getStatus().getConditions()).anySatisfy(c -> {
                    assertThat(c.getType()).isEqualTo("Ready");
                    assertThat(c.getStatus()).isEqualTo("True");
                });
            });
        }
        assertThat(hubWrites()).as("no create and no change in the hub").isEqualTo(before);
    }

    private static String user(String name, String lastName) {
        return """
                apiVersion: partnerhub.dev/v1alpha1
                kind: CustomerUser
                metadata: {name: %s}
                spec:
                  customerRef: {name: initech}
                  email: %s@initech.example.com
                  firstName: %s
                  lastName: %s
                  package: webex_meetings
                """.formatted(name, name, Character.toUpperCase(name.charAt(0)) + name.substring(1), lastName);
    }

    private static String seats(String name) {
        return """
                apiVersion: partnerhub.dev/v1alpha1
                kind: LicenseAssignment
                metadata: {name: seats}
                spec:
                  customerRef: {name: initech}
                  license: Contact center Standard Agent
                  mode: Exclusive
                  users: {names: [%s]}
                """.formatted(name);
    }

    private static void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    /** {@code kubectl apply -f DIR}: every object of the folder, in the plan's namespace. */
    private static void applyFolder() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                List<HasMetadata> objects = client.load(Files.newInputStream(file)).items();
                objects.forEach(PlanAndAdoptTest::apply);
            }
        }
    }

    /**
     * Creates the object, or replaces the one there, as kubectl apply does: a conflict with the operator's own
     * status write in between is retried on the fresh object, as a person's kubectl would.
     */
    private static void apply(HasMetadata object) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.resource(object).inNamespace(NS).createOr(NonDeletingOperation::update);
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == 10) {
                    throw e;
                }
                object.getMetadata().setResourceVersion(null);
            }
        }
    }

    /** The hub's count of every request that writes (POST, PUT, PATCH, DELETE), by method and route. */
    private static Map<String, Long> hubWrites() {
        return new HubAdminClient(env.hub().url()).requests().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("GET")).collect(Collectors.toMap(Map.Entry::getKey,
                        Map.Entry::getValue));
    }

    private record Result(int exit, String output) {
    }

    private static Result plan(String... options) {
        StringWriter buffer = new StringWriter();
        CommandLine line = Hubctl.commandLine();
        line.setOut(new PrintWriter(buffer, true));
        String[] args = Stream.concat(Stream.of("plan", "-f", dir.toString(), "-n", NS, "--kubeconfig",
                kubeconfig.toString()), Stream.of(options)).toArray(String[]::new);
        int exit = line.execute(args);
        return new Result(exit, buffer.toString());
    }
}
