package dev.partnerhub.providers.webex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.sandbox.RecordedExchange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checker of {@link WebexContractTest} finds each kind of breach it claims to: exchanges made up here, each
 * breaking one rule of Cisco's files, must each be named; a conforming one must pass.
 */
class CiscoContractTest {

    private static CiscoContract contract;

    @BeforeAll
    static void load() {
        contract = new CiscoContract(WebexContractTest.specs());
    }

    private static final String ADDRESS = """
            {"addressLine1": "1 Main St", "city": "Springfield", "country": "US"}""";
    private static final String LOCATION = """
            {"name": "Head Office", "address": %s, "timezone": "America/Chicago", "language": "en_us"}"""
            .formatted(ADDRESS);

    private static final String ACCEPTED =
            "{\"url\": \"https://webexapis.com/v1/wholesale/customers/Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvYQ\"}";

    @Test
    void aConformingExchangePasses() throws Exception {
        assertThat(contract.violations(List.of(get("/v1/wholesale/customers", Map.of("externalId", List.of("acme")),
                "{\"items\": []}")))).isEmpty();
        assertThat(contract.violations(List.of(createCustomer(", \"provisioningParameters\": {\"calling\": "
                + "{\"location\": " + LOCATION + "}}", "webex_calling")))).isEmpty();
    }

    @Test
    void aQueryParameterTheFileDoesNotDeclareIsABreach() throws Exception {
        assertThat(contract.violations(List.of(get("/v1/wholesale/customers", Map.of("name", List.of("acme")),
                "{\"items\": []}")))).singleElement().asString().contains("Query parameter 'name' is unexpected");
    }

    @Test
    void aBodyFieldTheFileDoesNotDeclareIsABreachAtAnyDepth() throws Exception {
        assertThat(contract.violations(List.of(createCustomer(", \"region\": \"EU\"", "webex_meetings"))))
                .singleElement().asString().contains("not allowed by the schema").contains("region");
        String strayInLocation = LOCATION.replace("\"timezone\"", "\"host\": \"h\", \"timezone\"");
        assertThat(contract.violations(List.of(createCustomer(", \"provisioningParameters\": {\"calling\": "
                + "{\"location\": " + strayInLocation + "}}", "webex_calling"))))
                .singleElement().asString().contains("not allowed by the schema").contains("host");
    }

    @Test
    void aCallingPackageWithoutTheCallingLocationIsABreachOnceAccepted() throws Exception {
        assertThat(contract.violations(List.of(createCustomer("", "webex_calling"))))
                .singleElement().asString().contains("provisioningParameters.calling is mandatory");
    }

    @Test
    void aNewCustomerWithoutItsInformationIsABreachOnceAccepted() throws Exception {
        RecordedExchange noInfo = exchange("POST", "/v1/wholesale/customers", Map.of(), """
                {"provisioningId": "p", "packages": ["webex_meetings"], "externalId": "acme", "address": %s}"""
                .formatted(ADDRESS), 202, ACCEPTED);
        assertThat(contract.violations(List.of(noInfo))).singleElement().asString()
                .contains("customerInfo is mandatory");
    }

    @Test
    void subscriberRules() throws Exception {
        String id = "Y2lzY29zcGFyazovL3VzL1NVQlNDUklCRVIvYQ";
        RecordedExchange both = exchange("POST", "/v1/wholesale/subscribers", Map.of(), """
                {"customerId": "c", "email": "a@x.com", "package": "webex_meetings", "packages": ["webex_meetings"],
                 "provisioningParameters": {}}""", 200, "{\"id\": \"" + id + "\", \"packages\": [\"webex_meetings\"]}");
        assertThat(contract.violations(List.of(both))).singleElement().asString().contains("not both");

        RecordedExchange noNumber = exchange("POST", "/v1/wholesale/subscribers", Map.of(), """
                {"customerId": "c", "email": "a@x.com", "packages": ["webex_calling"], "provisioningParameters": {}}""",
                200, "{\"id\": \"" + id + "\", \"packages\": [\"webex_calling\"]}");
        assertThat(contract.violations(List.of(noNumber))).singleElement().asString()
                .contains("primaryPhoneNumber or extension");

        RecordedExchange numberChange = exchange("PUT", "/v1/wholesale/subscribers/" + id, Map.of(), """
                {"packages": ["webex_calling"], "provisioningParameters": {"primaryPhoneNumber": "+12405551213"}}""",
                200, "{\"id\": \"" + id + "\", \"packages\": [\"webex_calling\"]}");
        RecordedExchange created = exchange("POST", "/v1/wholesale/subscribers", Map.of(), """
                {"customerId": "c", "email": "a@x.com", "packages": ["webex_calling"],
                 "provisioningParameters": {"extension": "1212"}}""",
                200, "{\"id\": \"" + id + "\", \"packages\": [\"webex_calling\"]}");
        assertThat(contract.violations(List.of(created, numberChange))).singleElement().asString()
                .contains("only for a change from webex_meetings");
    }

    @Test
    void aPersonReplacedWithoutWhatItHoldsIsABreach() throws Exception {
        String path = "/v1/people/Y2lzY29zcGFyazovL3VzL1BFT1BMRS9h";
        RecordedExchange read = get(path, Map.of(), """
                {"id": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9h", "emails": ["a@x.com"], "displayName": "A",
                 "roles": ["Y2lzY29zcGFyazovL3VzL1JPTEUvYQ"]}""");
        RecordedExchange put = exchange("PUT", path, Map.of(), """
                {"emails": ["a@x.com"], "displayName": "A B", "phoneNumbers": [{"type": "mobile", "value": "+1"}]}""",
                200, read.responseBody());
        assertThat(contract.violations(List.of(read, put))).anySatisfy(v -> assertThat(v).contains("leaves out roles"))
                .anySatisfy(v -> assertThat(v).contains("mobile").contains("enum"));
    }

    @Test
    void aCallingLicenceGrantedWithoutANumberIsABreach() throws Exception {
        String licence = "Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvYQ";
        String person = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9h";
        RecordedExchange catalogue = get("/v1/licenses", Map.of("orgId", List.of("o")), """
                {"items": [{"id": "%s", "name": "Webex Calling - Professional", "totalUnits": 5,
                 "consumedUnits": 0}]}""".formatted(licence));
        RecordedExchange granted = exchange("PATCH", "/v1/licenses/users", Map.of(), """
                {"personId": "%s", "orgId": "o", "licenses": [{"id": "%s", "operation": "add"}]}"""
                .formatted(person, licence), 200, """
                {"orgId": "o", "personId": "%s", "email": "a@x.com", "licenses": ["%s"]}"""
                .formatted(person, licence));
        assertThat(contract.violations(List.of(catalogue, granted))).singleElement().asString()
                .contains("needs phoneNumber or extension");
    }

    private static RecordedExchange createCustomer(String more, String packageName) {
        return exchange("POST", "/v1/wholesale/customers", Map.of(), """
                {"provisioningId": "p", "packages": ["%s"], "externalId": "acme", "address": %s,
                 "customerInfo": {"name": "Acme", "primaryEmail": "admin@acme.example.com"}%s}"""
                .formatted(packageName, ADDRESS, more), 202, ACCEPTED);
    }

    private static RecordedExchange get(String path, Map<String, List<String>> query, String reply) {
        return exchange("GET", path, query, "", 200, reply);
    }

    private static RecordedExchange exchange(String method, String path, Map<String, List<String>> query, String body,
            int status, String reply) {
        return new RecordedExchange(method, path, query, Map.of("Content-Type", "application/json",
                "Authorization", "Bearer t"), body, status, Map.of("Content-Type", "application/json"), reply);
    }
}
