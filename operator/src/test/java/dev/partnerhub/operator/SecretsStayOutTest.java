package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.partnerCenterUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.user.Passwords;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Passwords and tokens stay where they belong: after users are created with temporary passwords and a password is
 * reset, neither a password nor the connection's token is in the operator's log, in a Kubernetes Event or in the
 * status of any resource.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class SecretsStayOutTest extends OperatorTestSupport {

    private static final Path LOG = Path.of("target/operator-tests.log");

    @Test
    void noPasswordNorTokenIsInTheLogInAnEventOrInAnyStatus() throws Exception {
        String tenant = hub().createTenant("Secrets of " + namespace);
        client.resource(Fixtures.tokenSecret(namespace, LocalHubResource.hub.token())).create();
        client.resource(Fixtures.partnerCenterConnection(namespace, "pc", hubUrl)).create();
        awaitCondition(PartnerConnection.class, "pc", Conditions.READY, "True");
        apply(Fixtures.partnerCenterCustomer(namespace, "contoso", "pc", tenant));
        awaitCondition(Customer.class, "contoso", Conditions.READY, "True");
        apply(partnerCenterUser(namespace, "eve", "contoso", "eve@contoso.example.com"));
        apply(partnerCenterUser(namespace, "fay", "contoso", "fay@contoso.example.com"));
        apply(Fixtures.assignment(namespace, "basic", "contoso", "Microsoft 365 Business Basic",
                dev.partnerhub.api.v1alpha1.LicenseMode.Additive, List.of("eve", "fay"), null));
        awaitCondition(LicenseAssignment.class, "basic", Conditions.READY, "True");
        List<String> secrets = new ArrayList<>(List.of(password("eve"), password("fay")));
        edit(CustomerUser.class, "eve", u -> u.getMetadata().setAnnotations(Map.of("partnerhub.dev/reset-password",
                "t1")));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(customerUser("eve").getStatus().getActions())
                .extracting(a -> a.getResetPassword()).isEqualTo("t1"));
        secrets.add(password("eve"));
        secrets.add(LocalHubResource.hub.token());
        assertThat(secrets).doesNotContainNull().doesNotHaveDuplicates();

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).as("the operator's log").contains("password reset; the temporary password is in Secret "
                + "eve-password");
        CredentialScan.assertNoneOut(client, namespace, secrets);
    }

    private String password(String user) {
        var secret = client.secrets().inNamespace(namespace).withName(user + "-password").get();
        return new String(Base64.getDecoder().decode(secret.getData().get(Passwords.KEY)), StandardCharsets.UTF_8);
    }
}
