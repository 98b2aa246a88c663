package dev.partnerhub.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.Activation;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerRef;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserSpec;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.ProviderError;
import dev.partnerhub.api.v1alpha1.UserLicense;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 002's export: the status list as CSV, which the import reads back into the same manifests. */
class CsvExportTest {

    @TempDir
    Path dir;

    @Test
    void theExportListsStatusAndImportsBackIntoTheSameManifests() throws IOException {
        CustomerUser alice = user("alice", "alice@acme.example.com", "Alice", "Åberg", "webex_calling", "+12405551001",
                "1001");
        alice.getStatus().setUserId("U1");
        alice.getStatus().getLicenses().add(licence("Contact center Standard Agent", "contact-center"));
        alice.getStatus().getLicenses().add(licence("Calling - Professional", "package"));
        CustomerUser dana = user("dana", "dana@acme.example.com", "Dana", "Diaz, Jr.", "webex_meetings", null, null);
        dana.getStatus().getActivation().setState(ActivationState.PendingEmailValidation);
        dana.getStatus().getActivation().setPendingAction("The end user must click the link in the validation email.");
        ProviderError error = new ProviderError();
        error.setCode("1008");
        error.setDescription("The email is taken.");
        dana.getStatus().getErrors().add(error);

        // Standard output is the usual target: the export must leave it open.
        StringWriter csv = new StringWriter() {
            @Override
            public void close() {
                throw new AssertionError("the export closed the caller's writer");
            }
        };
        CsvExport.write(List.of(dana, alice), csv);

        assertThat(csv.toString()).isEqualTo("""
                First Name,Last Name,Display Name,User ID/Email (Required),Phone Number,Extension,Webex Calling,\
                Webex Meetings,Webex Contact Center Standard,Webex Contact Center Premium,Provider User ID,\
                Activation State,Pending Action,Error Code,Error Text
                Alice,Åberg,,alice@acme.example.com,+12405551001,1001,TRUE,FALSE,TRUE,FALSE,U1,Provisioned,,,
                Dana,"Diaz, Jr.",,dana@acme.example.com,,,FALSE,TRUE,FALSE,FALSE,,PendingEmailValidation,\
                The end user must click the link in the validation email.,1008,The email is taken.
                """);

        CsvImport.Outcome back = new CsvImport("acme", null, CsvImport.Behaviour.ADD_AND_REMOVE, false)
                .run(UserCsvReader.read(new StringReader(csv.toString())), dir);
        assertThat(back.problems()).isEmpty();
        assertThat(spec("alice.yaml")).isEqualTo(ManifestFolder.YAML.valueToTree(alice.getSpec()));
        assertThat(spec("dana.yaml")).isEqualTo(ManifestFolder.YAML.valueToTree(dana.getSpec()));
        assertThat(spec("alice.yaml").path("firstName").asText()).isEqualTo("Alice");
        assertThat(ManifestFolder.YAML.readTree(dir.resolve("acme-contact-center-standard-agent.yaml").toFile())
                .path("spec").path("users").path("names")).hasToString("[\"alice\"]");
    }

    @Test
    void partnerCenterUsersAreExportedInPartnerCentersConventions() throws IOException {
        CustomerUser megan = user("megan", "megan@contoso.example.com", "Megan", "Bowen", null, null, null);
        megan.getSpec().setUsageLocation("US");
        megan.getStatus().getLicenses().add(licence("Microsoft 365 Business Basic", "business-basic"));
        StringWriter csv = new StringWriter();
        CsvExport.write(List.of(megan), csv);
        assertThat(csv.toString()).startsWith("First Name,Last Name,Display Name,User Principal Name,Phone Number,"
                + "Usage Location,Licence: Microsoft 365 Business Basic,")
                .contains("Megan,Bowen,,megan@contoso.example.com,,US,TRUE,");
    }

    /** The spec of a written manifest, read as the API type reads it (its defaults filled in). */
    private JsonNode spec(String file) throws IOException {
        JsonNode spec = ManifestFolder.YAML.readTree(dir.resolve(file).toFile()).path("spec");
        return ManifestFolder.YAML.valueToTree(ManifestFolder.YAML.treeToValue(spec, CustomerUserSpec.class));
    }

    private static UserLicense licence(String name, String assignedBy) {
        UserLicense l = new UserLicense();
        l.setLicense(name);
        l.setState(LicenseState.Active);
        l.setAssignedBy(assignedBy);
        return l;
    }

    private static CustomerUser user(String name, String email, String first, String last, String pkg, String phone,
            String extension) {
        CustomerUser u = new CustomerUser();
        u.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("demo").build());
        CustomerUserSpec spec = new CustomerUserSpec();
        CustomerRef ref = new CustomerRef();
        ref.setName("acme");
        spec.setCustomerRef(ref);
        spec.setEmail(email);
        spec.setFirstName(first);
        spec.setLastName(last);
        spec.setPackageName(pkg);
        spec.setPhoneNumber(phone);
        spec.setExtension(extension);
        u.setSpec(spec);
        CustomerUserStatus status = new CustomerUserStatus();
        Activation activation = new Activation();
        activation.setState(ActivationState.Provisioned);
        status.setActivation(activation);
        u.setStatus(status);
        return u;
    }
}
