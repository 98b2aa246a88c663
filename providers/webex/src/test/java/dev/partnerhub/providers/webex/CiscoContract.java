package dev.partnerhub.providers.webex;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.sandbox.RecordedExchange;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cisco's three OpenAPI files as a checker of recorded exchanges: each request and response against its operation's
 * schemas, with what the validator leaves lax by default made strict (a body field or a query parameter the file does
 * not declare is an error), then the conditional rules the files state in prose ({@link CiscoRules}).
 */
final class CiscoContract {

    /**
     * Cisco's files document no body for error responses, yet the API returns {@code {message, errors,
     * trackingId}} and the client relies on it; only that rule is waived, and only for 4xx and 5xx.
     */
    private static final String UNDOCUMENTED_ERROR_BODY = "validation.response.body.unexpected";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OpenApiInteractionValidator wholesale;
    private final OpenApiInteractionValidator broadworks;
    private final OpenApiInteractionValidator admin;
    private final CiscoRules rules;

    CiscoContract(Path specs) {
        OpenAPI wholesaleFile = parse(specs, "webex-wholesale.json");
        this.wholesale = validator(wholesaleFile);
        this.broadworks = validator(parse(specs, "webex-broadworks.json"));
        this.admin = validator(parse(specs, "webex-admin.json"));
        this.rules = new CiscoRules(wholesaleFile);
    }

    /** Whether one of the three files holds the exchange's path; the others are checked elsewhere or not at all. */
    boolean covers(RecordedExchange e) {
        return validatorFor(e) != null;
    }

    /** Every violation of the files by the exchanges, in their order; one line each, naming the call. */
    List<String> violations(List<RecordedExchange> exchanges) throws Exception {
        List<String> violations = new ArrayList<>();
        for (RecordedExchange e : exchanges) {
            OpenApiInteractionValidator validator = validatorFor(e);
            if (validator == null) {
                continue;
            }
            for (Response response : responses(e)) {
                validator.validate(request(e), response).getMessages().stream()
                        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .filter(m -> !(e.status() >= 400 && UNDOCUMENTED_ERROR_BODY.equals(m.getKey())))
                        .forEach(m -> violations.add(e.method() + " " + e.path() + " -> " + e.status() + ": " + m));
            }
        }
        violations.addAll(rules.violations(exchanges));
        return violations;
    }

    private OpenApiInteractionValidator validatorFor(RecordedExchange e) {
        String path = e.path();
        if (path.startsWith("/v1/wholesale/") || path.startsWith("/v1/subscribers/")) {
            return wholesale;
        }
        if (path.startsWith("/v1/broadworks/")) {
            return broadworks;
        }
        return path.matches("/v1/(licenses|people|roles|partner)(/.*)?") ? admin : null;
    }

    /**
     * One of Cisco's files, parsed here rather than by the validator because {@code webex-admin.json} carries
     * structural defects (a schema name with spaces, repeated operationIds in unrelated paths) that the validator's
     * loader treats as fatal; the parsed model is complete all the same.
     */
    private static OpenAPI parse(Path specs, String file) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readLocation(specs.resolve(file).toUri().toString(), null, options);
        assertThat(result.getOpenAPI()).as("Cisco's " + file + " parsed: " + result.getMessages()).isNotNull();
        return result.getOpenAPI();
    }

    /**
     * The validator of one file. Two of its checks are off by default and turned on: a query parameter the operation
     * does not declare, and a body property an object schema does not declare (the files never declare
     * {@code additionalProperties}, so every object is closed to what they name; {@code allOf} is merged first so that
     * a composed schema is closed over all its parts).
     */
    private static OpenApiInteractionValidator validator(OpenAPI file) {
        return OpenApiInteractionValidator.createFor(file).withBasePathOverride("/v1")
                .withResolveCombinators(true)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    private static Request request(RecordedExchange e) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(e.method()), e.path());
        e.query().forEach(builder::withQueryParam);
        e.requestHeaders().forEach(builder::withHeader);
        if (!e.requestBody().isEmpty()) {
            builder.withBody(e.requestBody());
        }
        return builder.build();
    }

    /**
     * The response to validate. One defect of Cisco's file is worked around: "List BroadWorks Enterprises"
     * declares {@code EnterpriseListResponse} as one enterprise (no {@code items}) while its own example, and
     * the API, wrap them in {@code items}; each item is validated against that schema instead.
     */
    private static List<Response> responses(RecordedExchange e) throws Exception {
        if (e.path().equals("/v1/broadworks/enterprises") && e.status() == 200) {
            List<Response> items = new ArrayList<>();
            for (JsonNode item : MAPPER.readTree(e.responseBody()).path("items")) {
                items.add(response(e, MAPPER.writeValueAsString(item)));
            }
            return items;
        }
        return List.of(response(e, e.responseBody()));
    }

    private static Response response(RecordedExchange e, String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(e.status());
        e.responseHeaders().forEach(builder::withHeader);
        if (!body.isEmpty()) {
            builder.withContentType("application/json").withBody(body);
        }
        return builder.build();
    }
}
