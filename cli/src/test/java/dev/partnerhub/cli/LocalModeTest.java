package dev.partnerhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.cli.local.LocalEnvironment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The local mode end to end, as a new user runs it: the real samples, the built operator as a child process,
 * the embedded Kubernetes API answered as kubectl asks, and hubctl reading the result.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalModeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path work;

    private static LocalEnvironment env;
    private static Path kubeconfig;
    private static KubernetesClient client;

    @BeforeAll
    static void startLocalMode() throws Exception {
        kubeconfig = work.resolve("kubeconfig");
        env = LocalEnvironment.start(new LocalEnvironment.Settings(0, 0, kubeconfig, ROOT.resolve("crds"),
                ROOT.resolve("samples"), ROOT.resolve("operator/target/quarkus-app/quarkus-run.jar"),
                ROOT.resolve("cli/target/operator-local-mode-test.log")));
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
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
    void theSamplesConvergeThroughTheWrittenKubeconfig() {
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            List<Customer> customers = client.resources(Customer.class).inAnyNamespace().list().getItems();
            assertThat(customers).extracting(c -> c.getMetadata().getName()).containsExactlyInAnyOrder("acme", "globex",
                    "contoso");
            assertThat(customers).allSatisfy(c -> assertThat(ready(c.getStatus().getConditions())).isEqualTo("True"));
        });
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            List<CustomerUser> users = client.resources(CustomerUser.class).inAnyNamespace().list().getItems();
            assertThat(users).extracting(u -> u.getMetadata().getName() + "=" + (u.getStatus() == null
                    || u.getStatus().getActivation() == null ? null : u.getStatus().getActivation().getState()))
                    .containsExactlyInAnyOrder("alice=Provisioned", "bob=Provisioned", "carol=Provisioned",
                            "dana=PendingEmailInput", "megan=Provisioned", "lars=Provisioned");
        });
        assertThat(env.operator().isAlive()).isTrue();
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            var assignments = client.resources(dev.partnerhub.api.v1alpha1.LicenseAssignment.class).inAnyNamespace()
                    .list().getItems();
            assertThat(assignments).extracting(a -> a.getMetadata().getName() + "=" + a.getStatus().getSummary() + ","
                    + ready(a.getStatus().getConditions())).containsExactlyInAnyOrder(
                            "contact-center-agents=2/2,True", "attendant-console=1/1,True",
                            "business-basic=2/2,True");
        });
        CustomerUser bob = client.resources(CustomerUser.class).inNamespace("partnerhub-demo").withName("bob").get();
        assertThat(bob.getStatus().getLicenses()).extracting(l -> l.getLicense() + ":" + l.getState() + ":"
                + l.getAssignedBy()).contains("Contact center Standard Agent:Active:contact-center-agents",
                        "Meeting - Webex Meetings:Active:package");
    }

    @Test
    @Order(2)
    void kubectlFindsTheKindsAndGetsTheirPrinterColumnsFilled() throws Exception {
        assertThat(get("/apis", null).path("groups").findValuesAsText("name")).contains("partnerhub.dev");
        JsonNode resources = get("/apis/partnerhub.dev/v1alpha1", null).path("resources");
        assertThat(resources.findValuesAsText("name")).contains("customers", "customerusers", "partnerconnections",
                "licenseassignments");
        assertThat(resources.toString()).contains("\"cuser\"").contains("\"partnerhub\"");

        String table = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
        JsonNode users = get("/apis/partnerhub.dev/v1alpha1/customerusers", table);
        assertThat(users.path("kind").asText()).isEqualTo("Table");
        assertThat(users.path("columnDefinitions").findValuesAsText("name"))
                .containsSubsequence("Name", "CUSTOMER", "PACKAGE", "ACTIVATION", "READY");
        List<String> rows = new ArrayList<>();
        users.path("rows").forEach(r -> rows.add(r.path("cells").toString()));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("\"alice\"", "\"acme\"", "\"Provisioned\"", "\"True\""));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("\"dana\"", "\"PendingEmailInput\"", "\"False\""));
        assertThat(users.path("columnDefinitions").findValuesAsText("name")).last().isEqualTo("AGE");
        assertThat(rows).as("AGE as the API server renders a date: an age, not the timestamp")
                .allSatisfy(r -> assertThat(r).matches(".*,\"(\\d+[smhdy])+\"]$"));

        JsonNode customers = get("/apis/partnerhub.dev/v1alpha1/namespaces/partnerhub-demo/customers", table);
        assertThat(customers.path("columnDefinitions").findValuesAsText("name"))
                .containsSubsequence("Name", "READY", "ORG", "USERS");
        assertThat(customers.path("rows").toString()).contains("\"3/3\"");

        JsonNode assignments = get("/apis/partnerhub.dev/v1alpha1/licenseassignments", table);
        assertThat(assignments.path("columnDefinitions").findValuesAsText("name"))
                .contains("LICENSE", "MODE", "READY", "ASSIGNED", "AVAILABLE");
    }

    @Test
    @Order(3)
    void csvExportListsTheUsersWithTheirStateAndExcludeProvisionedKeepsThePendingOne() throws Exception {
        String all = export("-n", "partnerhub-demo", "--customer", "acme");
        assertThat(all.lines().findFirst().orElseThrow()).startsWith("First Name,Last Name,Display Name,"
                + "User ID/Email (Required),Phone Number,Extension,Webex Calling,Webex Meetings,Webex Contact Center "
                + "Standard,Webex Contact Center Premium,Licence: Webex Attendant Console,Provider User ID,");
        assertThat(all).containsPattern("Alice,Andersen,,alice@acme.example.com,\\+12405551001,1001,TRUE,FALSE,"
                + "FALSE,FALSE,TRUE,[^,]+,Provisioned,,,");
        assertThat(all).containsPattern("Bob,Berg,,bob@acme.example.com,,,FALSE,TRUE,TRUE,FALSE,FALSE,[^,]+,"
                + "Provisioned,,,");
        assertThat(all.lines()).hasSize(4);
        String pending = export("--exclude-provisioned");
        assertThat(pending.lines()).hasSize(2);
        assertThat(pending).contains(",PendingEmailInput,The end user must open the activation link");
        assertThat(export("--customer", "contoso")).startsWith("First Name,Last Name,Display Name,"
                + "User Principal Name,Phone Number,Usage Location,Licence: Microsoft 365 Business Basic,")
                .contains("Megan,Bowen,,megan@contoso.example.com,,US,TRUE,");
    }

    @Test
    @Order(4)
    void hubctlStatusPrintsTheSameUsersAndTheEndUserCanFinishThePendingOne() throws Exception {
        String before = status();
        assertThat(before.lines().filter(l -> l.contains("partnerhub-demo"))).hasSize(6);
        assertThat(before).containsPattern("acme\\s+alice\\s+alice@acme.example.com\\s+webex_calling\\s+Provisioned\\s+True");
        assertThat(before).containsPattern("contoso\\s+megan\\s+megan@contoso.example.com\\s+-\\s+Provisioned\\s+True");
        assertThat(before).containsPattern("globex\\s+dana\\s+-\\s+standard\\s+PendingEmailInput\\s+False\\s+The end user");
        JsonNode rows = new ObjectMapper().readTree(status("-o", "json"));
        assertThat(rows).hasSize(6);
        JsonNode dana = rows.findParents("user").stream().filter(r -> r.path("user").asText().equals("dana"))
                .findFirst().orElseThrow();
        assertThat(dana.path("activation").asText()).isEqualTo("PendingEmailInput");
        assertThat(dana.path("ready").asText()).isEqualTo("False");
        assertThat(dana.path("email").isNull()).as("no email yet: null, not a dash").isTrue();
        assertThat(dana.path("pendingAction").asText()).startsWith("The end user must open the activation link");
        assertThat(status("-A", "-o", "yaml")).contains("user: \"dana\"").contains("namespace: \"partnerhub-demo\"");

        assertThat(sandbox("enter-email", "dana@globex.sp.example.com", "dana@globex.example.com"))
                .isEqualTo("dana@globex.sp.example.com entered dana@globex.example.com: status pending_email_validation");
        await().atMost(TIMEOUT).until(() -> status().contains("PendingEmailValidation"));
        assertThat(sandbox("validate-email", "dana@globex.sp.example.com"))
                .isEqualTo("dana@globex.sp.example.com validated the email: status provisioning");
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(status())
                .containsPattern("dana\\s+dana@globex.example.com\\s+standard\\s+Provisioned\\s+True"));
    }

    @Test
    @Order(5)
    void aSelfActivatedUserIsListedAsUndeclared() {
        assertThat(sandbox("self-activate", "Reseller1+globex", "eddie@globex.sp.example.com",
                "eddie@globex.example.com")).isEqualTo("eddie@globex.sp.example.com activated themselves: status "
                        + "provisioning");
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(status("--undeclared"))
                .containsPattern("partnerhub-demo\\s+globex\\s+eddie@globex.sp.example.com\\s+"
                        + "eddie@globex.example.com\\s+provision\\w+\\s+yes"));
    }

    @Test
    @Order(6)
    void theSandboxRegistersAnOAuthAppGivesADirectoryRoleAndMovesTheClock() {
        assertThat(sandbox("oauth-app", "microsoft").lines()).extracting(l -> l.substring(0, l.indexOf('=') + 1))
                .containsExactly("clientId=", "clientSecret=", "refreshToken=", "tenantId=");
        JsonNode megan = null;
        String tenant = null;
        for (JsonNode t : new dev.partnerhub.sandbox.HubAdminClient(env.hub().url()).state()
                .path("partnerCenterTenants")) {
            for (JsonNode u : t.path("users")) {
                if (u.path("userPrincipalName").asText().startsWith("megan@")) {
                    megan = u;
                    tenant = t.path("tenantId").asText();
                }
            }
        }
        assertThat(megan).as("megan in the hub").isNotNull();
        String id = megan.path("id").asText();
        assertThat(sandbox("role-member", tenant, "Helpdesk Administrator", id))
                .isEqualTo(id + " is now a member of Helpdesk Administrator.");
        assertThat(sandbox("clock", "PT1M")).startsWith("The hub's clock is now ");
    }

    private static String sandbox(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SandboxCommand command = new SandboxCommand();
        command.out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        String[] all = new String[args.length + 1];
        all[0] = "--hub=" + env.hub().url();
        all[1] = args[0];
        System.arraycopy(args, 1, all, 2, args.length - 1);
        int exit = new CommandLine(command).execute(all);
        assertThat(exit).isZero();
        return buffer.toString(StandardCharsets.UTF_8).strip();
    }

    private static String export(String... options) throws Exception {
        Path file = Files.createTempFile(work, "export", ".csv");
        List<String> args = new ArrayList<>(List.of("csv", "export", "--kubeconfig", kubeconfig.toString(), "--file",
                file.toString()));
        args.addAll(List.of(options));
        assertThat(Hubctl.commandLine().execute(args.toArray(String[]::new))).isZero();
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String status(String... options) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        StatusCommand command = new StatusCommand();
        command.out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        String[] args = new String[options.length + 2];
        args[0] = "--kubeconfig";
        args[1] = kubeconfig.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        int exit = new CommandLine(command).execute(args);
        assertThat(exit).isZero();
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static String ready(List<io.fabric8.kubernetes.api.model.Condition> conditions) {
        return conditions.stream().filter(c -> "Ready".equals(c.getType())).map(c -> c.getStatus()).findFirst()
                .orElse("Unknown");
    }

    private static JsonNode get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(env.apiUrl() + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }
}
