package dev.partnerhub.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerSpec;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The name index answers as Fabric8's own search does: the same random sequence of creates, reads, replaces,
 * patches, status writes, deletes and lists, over a few names shared by two kinds and three namespaces (so that
 * one name has many objects, and label changes re-key them), sent to the local API's dispatcher and to Fabric8's,
 * must get the same answer each time.
 */
class NameIndexedCrudDispatcherTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path CUSTOMER_CRD = Path.of("..", "crds", "customers.partnerhub.dev-v1.yml");
    private static final List<String> NAMESPACES = List.of("a", "b", "c");
    private static final List<String> NAMES = List.of("x", "y", "z", "c0001");
    /** Held here so that its level stays: the mock server logs each of the 2,400 requests at INFO. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private final NameIndexedCrudDispatcher indexed = new NameIndexedCrudDispatcher();
    private final List<KubernetesMockServer> servers = new ArrayList<>();
    private KubernetesClient withIndex;
    private KubernetesClient fabric8;

    @BeforeEach
    void start() throws Exception {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        withIndex = serve(indexed);
        fabric8 = serve(new KubernetesCrudDispatcher());
    }

    @AfterEach
    void stop() {
        servers.forEach(KubernetesMockServer::destroy);
    }

    @Test
    void answersEveryRequestAsFabric8sOwnSearchDoes() {
        Random random = new Random(20261123);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < 600; i++) {
            String ns = NAMESPACES.get(random.nextInt(NAMESPACES.size()));
            String name = NAMES.get(random.nextInt(NAMES.size()));
            String label = "v" + random.nextInt(3);
            boolean customer = random.nextBoolean();
            int op = random.nextInt(7);
            Function<KubernetesClient, String> request = switch (op) {
                case 0 -> c -> create(c, customer, ns, name, label);
                case 1 -> c -> json(get(c, customer, ns, name));
                case 2 -> c -> {
                    HasMetadata current = get(c, customer, ns, name);
                    current.getMetadata().setLabels(Map.of("tier", label));
                    return json(c.resource(current).update());
                };
                case 3 -> c -> json(customer
                        ? c.resources(Customer.class).inNamespace(ns).withName(name).edit(x -> labelled(x, label))
                        : c.configMaps().inNamespace(ns).withName(name).edit(x -> labelled(x, label)));
                case 4 -> c -> customer ? json(c.resources(Customer.class).inNamespace(ns).withName(name)
                        .editStatus(x -> withStatus(x, label))) : json(get(c, false, ns, name));
                case 5 -> c -> String.valueOf((customer ? c.resources(Customer.class).inNamespace(ns).withName(name)
                        : c.configMaps().inNamespace(ns).withName(name)).delete().size());
                default -> c -> (customer ? c.resources(Customer.class).inNamespace(ns).withLabel("tier", label)
                        .list().getItems().stream().map(x -> x.getMetadata().getName())
                        : c.configMaps().inNamespace(ns).withLabel("tier", label).list().getItems().stream()
                        .map(x -> x.getMetadata().getName())).sorted().toList().toString();
            };
            String expected = outcome(request, fabric8);
            String actual = outcome(request, withIndex);
            assertThat(actual).as("request %d (operation %d on %s %s/%s)", i, op, customer ? "Customer" : "ConfigMap",
                    ns, name).isEqualTo(expected);
            outcomes.merge(op + (expected.startsWith("HTTP ") ? " " + expected : " ok"), 1, Integer::sum);
        }
        assertThat(indexed.indexed()).as("every stored key was where the index computed it").isTrue();
        // The sequence reached the cases that matter: conflicts on create, misses, and writes that found their object.
        assertThat(outcomes).containsKeys("0 ok", "0 HTTP 409", "1 HTTP 404", "2 ok", "3 ok", "4 ok", "3 HTTP 404");
    }

    private KubernetesClient serve(KubernetesCrudDispatcher dispatcher) throws Exception {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                dispatcher, false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        servers.add(server);
        KubernetesClient client = server.createClient();
        try (InputStream crd = Files.newInputStream(CUSTOMER_CRD)) {
            client.load(crd).items().forEach(o -> client.resource(o).create());
        }
        NAMESPACES.forEach(ns -> client.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
                .build()).create());
        return client;
    }

    private static String create(KubernetesClient c, boolean customer, String ns, String name, String label) {
        if (customer) {
            Customer x = new Customer();
            x.getMetadata().setNamespace(ns);
            x.getMetadata().setName(name);
            x.getMetadata().setLabels(Map.of("tier", label));
            x.setSpec(new CustomerSpec());
            x.getSpec().setDisplayName(name + " " + label);
            return json(c.resource(x).create());
        }
        ConfigMap x = new ConfigMapBuilder().withNewMetadata().withNamespace(ns).withName(name)
                .addToLabels("tier", label).endMetadata().addToData("label", label).build();
        return json(c.resource(x).create());
    }

    private static HasMetadata get(KubernetesClient c, boolean customer, String ns, String name) {
        HasMetadata found = customer ? c.resources(Customer.class).inNamespace(ns).withName(name).get()
                : c.configMaps().inNamespace(ns).withName(name).get();
        if (found == null) {
            throw new KubernetesClientException("not found", 404, null);
        }
        return found;
    }

    private static <T extends HasMetadata> T labelled(T object, String label) {
        object.getMetadata().setLabels(new HashMap<>(Map.of("tier", label, "patched", "yes")));
        return object;
    }

    private static Customer withStatus(Customer customer, String label) {
        customer.setStatus(new CustomerStatus());
        customer.getStatus().setCustomerId("id-" + label);
        return customer;
    }

    /** The answer: the object without what differs between two servers by design (uid, creation time), or the error. */
    private static String outcome(Function<KubernetesClient, String> request, KubernetesClient client) {
        try {
            return request.apply(client);
        } catch (KubernetesClientException e) {
            return "HTTP " + e.getCode();
        }
    }

    private static String json(HasMetadata object) {
        ObjectNode node = MAPPER.valueToTree(object);
        JsonNode metadata = node.path("metadata");
        if (metadata instanceof ObjectNode m) {
            m.remove(List.of("uid", "creationTimestamp"));
        }
        return node.toString();
    }
}
