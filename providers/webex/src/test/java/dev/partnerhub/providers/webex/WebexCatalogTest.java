package dev.partnerhub.providers.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.HubSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One truth for packages and licences. The packages the provider accepts are the enums of Cisco's files; the licences
 * it says a package brings are the ones the local hub gives a new user of that package, found in the org's own
 * licence list (so the hub and the provider cannot drift apart, as they did over attendant_console).
 */
class WebexCatalogTest {

    @Test
    void thePackagesAreTheEnumsOfCiscosFiles() throws Exception {
        Path specs = WebexContractTest.specs();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode wholesale = mapper.readTree(specs.resolve("webex-wholesale.json").toFile());
        JsonNode broadworks = mapper.readTree(specs.resolve("webex-broadworks.json").toFile());
        assertThat(WebexCapabilities.WHOLESALE_CUSTOMER_PACKAGES).containsExactlyInAnyOrderElementsOf(
                enumOf(wholesale.at("/paths/~1wholesale~1customers/post/requestBody/content/application~1json/schema"),
                        wholesale, "packages"));
        assertThat(WebexCapabilities.WHOLESALE_USER_PACKAGES).containsExactlyInAnyOrderElementsOf(
                enumOf(wholesale.at("/paths/~1wholesale~1subscribers/post/requestBody/content/application~1json/schema"),
                        wholesale, "packages"));
        assertThat(WebexCapabilities.BROADWORKS_PACKAGES).containsExactlyInAnyOrderElementsOf(
                enumOf(broadworks.at("/paths/~1broadworks~1subscribers/post/requestBody/content/application~1json/schema"),
                        broadworks, "package"));
    }

    @Test
    void eachPackageBringsTheLicencesTheHubGivesItsNewUsers() throws Exception {
        try (HubFixture fixture = new HubFixture()) {
            Provider wholesale = fixture.wholesale();
            String id = wholesale.customers().create(HubFixture.customer("catalog-all",
                    WebexCapabilities.WHOLESALE_CUSTOMER_PACKAGES.toArray(String[]::new)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "provisioned".equals(wholesale.customers().get(id).orElseThrow().status()));
            String orgId = wholesale.customers().get(id).orElseThrow().orgId();
            List<String> users = new ArrayList<>();
            int n = 0;
            for (String pkg : new TreeSet<>(WebexCapabilities.WHOLESALE_USER_PACKAGES)) {
                String email = pkg.replace('_', '-') + "@catalog.example.com";
                wholesale.users().create(new CustomerScope(id), new UserRequest(email, email, "A", "B", null, pkg,
                        "+1240555" + (1000 + n), String.valueOf(2000 + n++), null, null, null, null));
                users.add(pkg);
            }
            List<RemoteLicense> catalog = wholesale.licensing().licenses(orgId);
            List<RemotePerson> people = wholesale.licensing().people(orgId);
            for (RemoteUser user : wholesale.users().list(new CustomerScope(id), null)) {
                RemotePerson person = people.stream().filter(p -> p.id().equals(user.personId())).findFirst()
                        .orElseThrow();
                assertThat(wholesale.capabilities().catalogue().packageLicenses(user.packageName(), catalog))
                        .as("the licences of package %s", user.packageName()).extracting(RemoteLicense::id)
                        .containsExactlyInAnyOrderElementsOf(person.licenses());
            }
            assertThat(users).hasSize(WebexCapabilities.WHOLESALE_USER_PACKAGES.size());

            Provider broadworks = fixture.broadworks();
            CustomerScope enterprise = new CustomerScope("Reseller1+catalog");
            for (String pkg : new TreeSet<>(WebexCapabilities.BROADWORKS_PACKAGES)) {
                broadworks.users().create(enterprise, HubFixture.broadworksUser(HubSettings.TRUSTED_TEMPLATE,
                        pkg + "@sp.example.com", pkg + "@bw-catalog.example.com", "A", "B", pkg, "3" + n++));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> broadworks.customers().find(enterprise.id())
                    .map(e -> e.orgId() != null).orElse(false));
            String bwOrg = broadworks.customers().find(enterprise.id()).orElseThrow().orgId();
            List<RemoteLicense> bwCatalog = broadworks.licensing().licenses(bwOrg);
            List<RemotePerson> bwPeople = broadworks.licensing().people(bwOrg);
            for (RemoteUser user : broadworks.users().list(enterprise, null)) {
                RemotePerson person = bwPeople.stream().filter(p -> p.id().equals(user.personId())).findFirst()
                        .orElseThrow();
                assertThat(broadworks.capabilities().catalogue().packageLicenses(user.packageName(),
                        bwCatalog))
                        .as("the licences of package %s", user.packageName()).extracting(RemoteLicense::id)
                        .containsExactlyInAnyOrderElementsOf(person.licenses());
            }
        }
    }

    /** The enum of a request body's package field (an array's items, or a string), following $refs. */
    private static Set<String> enumOf(JsonNode schema, JsonNode file, String field) {
        JsonNode property = resolve(resolve(schema, file).path("properties").path(field), file);
        JsonNode values = property.has("items") ? resolve(property.get("items"), file).path("enum")
                : property.path("enum");
        Set<String> names = new TreeSet<>();
        values.forEach(v -> names.add(v.asText()));
        assertThat(names).as("the enum of %s", field).isNotEmpty();
        return names;
    }

    private static JsonNode resolve(JsonNode node, JsonNode file) {
        return node.has("$ref") ? file.at(node.get("$ref").asText().substring(1)) : node;
    }

    /**
     * The calling packages, which need the customer's calling location: Cisco's file names them as the packages a
     * calling plan depends on ("cisco_calling_plan is dependent on: ..."), and the provider and the hub hold the same
     * set (the CRD's rule is tied to the provider's set by the operator's CallingPackagesTest).
     */
    @Test
    void theCallingPackagesAreThoseCiscosFileMakesACallingPlanDependOnAndTheHubAsksALocationForExactlyThem()
            throws Exception {
        JsonNode wholesale = new ObjectMapper().readTree(WebexContractTest.specs().resolve("webex-wholesale.json")
                .toFile());
        String notes = wholesale.path("paths").path("/wholesale/customers").path("post").path("description").asText();
        Matcher m = Pattern.compile("`cisco_calling_plan` is dependent on: ([^\\n]+)")
                .matcher(notes);
        assertThat(m.find()).as("Cisco's note on cisco_calling_plan").isTrue();
        Set<String> documented = new TreeSet<>(List.of(m.group(1).replace("`", "").split(",\\s*")));
        assertThat(WebexCapabilities.WHOLESALE_CALLING_CUSTOMER_PACKAGES).containsExactlyInAnyOrderElementsOf(
                documented);

        try (HubFixture fixture = new HubFixture()) {
            HttpClient client = HttpClient.newHttpClient();
            for (String pkg : new TreeSet<>(WebexCapabilities.WHOLESALE_CUSTOMER_PACKAGES)) {
                if (pkg.equals("cisco_calling_plan") || pkg.equals("attendant_console")) {
                    continue; // they depend on a calling package: never alone
                }
                String body = """
                        {"provisioningId": "%s", "packages": ["%s"], "externalId": "calling-%s",
                         "address": {"addressLine1": "1 Main St", "city": "Springfield", "country": "US"},
                         "customerInfo": {"name": "Calling %s", "primaryEmail": "admin@%s.example.com"}}"""
                        .formatted(HubSettings.TRUSTED_TEMPLATE, pkg, pkg, pkg, pkg.replace('_', '-'));
                HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(fixture.hub.apiUrl()
                        + "/wholesale/customers")).header("Authorization", "Bearer " + fixture.hub.token())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (documented.contains(pkg)) {
                    assertThat(reply.statusCode()).as(pkg + ": " + reply.body()).isEqualTo(400);
                    assertThat(reply.body()).as(pkg).contains("provisioningParameters.calling.location");
                } else {
                    assertThat(reply.statusCode()).as(pkg + ": " + reply.body()).isEqualTo(202);
                }
            }
        }
    }
}
