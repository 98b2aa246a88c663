package dev.partnerhub.cli.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.cli.KubeconfigOption;
import dev.partnerhub.cli.csv.ManifestFolder;
import dev.partnerhub.desired.CustomerDesiredState;
import dev.partnerhub.desired.UserDesiredState;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserField;
import dev.partnerhub.providers.spi.model.UserState;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hubctl adopt}: manifests for the users a customer's provider holds that no CustomerUser declares, with
 * {@code adoptExisting: true} and every field as the provider holds it, so that applying them makes the operator take
 * the users over with no create and no change.
 */
@Command(name = "adopt", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl adopt --customer acme -n partnerhub-demo --out-dir adopted"},
        description = "Writes a CustomerUser manifest (adoptExisting: "
        + "true, deletionPolicy: Orphan) for each user the provider holds for a Customer that no CustomerUser "
        + "declares, with its fields as the provider holds them. Applied, the operator takes them over without a "
        + "create or a change. Reads only.")
public final class AdoptCommand implements Callable<Integer> {

    @Option(names = "--customer", required = true, description = "The Customer whose users to adopt.")
    String customer;

    @Option(names = {"-n", "--namespace"}, description = "The Customer's namespace (default: the kubeconfig "
            + "context's, as kubectl).")
    String namespace;

    @Option(names = "--out-dir", defaultValue = ".", description = "The folder to write the manifests to. "
            + "Default: the current folder.")
    Path dir;

    @Mixin
    KubeconfigOption kubeconfig;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (namespace == null) {
            namespace = kubeconfig.namespace();
        }
        try (KubernetesClient cluster = kubeconfig.client()) {
            Customer c = cluster.resources(Customer.class).inNamespace(namespace).withName(customer).get();
            if (c == null) {
                throw new IllegalArgumentException("no Customer " + namespace + "/" + customer);
            }
            Provider provider = new Providers(new Manifests(), cluster).of(c);
            Capabilities caps = provider.capabilities();
            CustomerScope scope = CustomerDesiredState.scope(c, caps);
            if (scope == null) {
                throw new IllegalStateException("Customer " + namespace + "/" + customer + " has no customer in the "
                        + "provider yet (status.customerId); nothing to adopt");
            }
            List<CustomerUser> declared = cluster.resources(CustomerUser.class).inNamespace(namespace).list()
                    .getItems().stream().filter(u -> customer.equals(u.getSpec().getCustomerRef().getName())).toList();
            Set<String> ids = new HashSet<>();
            Set<String> keys = new HashSet<>();
            Set<String> names = new HashSet<>();
            declared.forEach(u -> {
                if (u.getStatus() != null && u.getStatus().getUserId() != null) {
                    ids.add(u.getStatus().getUserId());
                }
                String key = UserDesiredState.key(u.getSpec(), caps);
                if (key != null) {
                    keys.add(key.toLowerCase(Locale.ROOT));
                }
            });
            cluster.resources(CustomerUser.class).inNamespace(namespace).list().getItems()
                    .forEach(u -> names.add(u.getMetadata().getName()));
            String orgId = c.getStatus() == null ? null : c.getStatus().getOrgId();
            List<RemotePerson> people = orgId == null || !caps.has(Feature.LICENSES) ? List.of()
                    : provider.licensing().people(orgId);
            List<RemoteUser> undeclared = provider.users().list(scope, null).stream()
                    .filter(u -> u.state() != UserState.DELETED)
                    .filter(u -> !ids.contains(u.id()) && !keys.contains(u.key().toLowerCase(Locale.ROOT)))
                    .toList();
            int written = 0;
            for (RemoteUser user : undeclared) {
                Optional<RemotePerson> person = people.stream().filter(p -> p.id().equals(user.personId()))
                        .findFirst();
                String name = ManifestFolder.uniqueName(user.key(), names);
                if (ManifestFolder.write(dir.resolve(name + ".yaml"), manifest(name, user, person, caps))) {
                    written++;
                }
            }
            out.printf("%d user%s of %s/%s in the provider %s not declared; %d manifest%s written to %s "
                    + "(adoptExisting: true, deletionPolicy: Orphan). Apply them to hand the users to the operator.%n",
                    undeclared.size(), undeclared.size() == 1 ? "" : "s", namespace, customer,
                    undeclared.size() == 1 ? "is" : "are", written, written == 1 ? "" : "s", dir);
            long incomplete = undeclared.stream().filter(u -> u.state() != UserState.PROVISIONED
                    || caps.has(Feature.LICENSES) && people.stream().noneMatch(p -> p.id().equals(u.personId())))
                    .count();
            if (incomplete > 0) {
                out.printf("%d of them are not provisioned yet or have no person record yet: the provider may not "
                        + "show all their fields; run adopt again once they do (it rewrites only what changed).%n",
                        incomplete);
            }
            out.flush();
            return 0;
        }
    }

    private ObjectNode manifest(String name, RemoteUser user, Optional<RemotePerson> person, Capabilities caps) {
        ObjectNode m = ManifestFolder.YAML.createObjectNode();
        m.put("apiVersion", "partnerhub.dev/v1alpha1").put("kind", "CustomerUser");
        m.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode specNode = m.putObject("spec");
        specNode.putObject("customerRef").put("name", customer);
        Set<UserField> fields = EnumSet.copyOf(caps.users().supported());
        for (UserField field : fields) {
            String value = field == caps.users().key() ? user.key() : field == UserField.EMAIL ? user.email()
                    : Optional.ofNullable(UserFields.held(field, user, person)).flatMap(o -> o).orElse(null);
            if (value != null && !value.isBlank()) {
                set(specNode, UserFields.path(field), value);
            }
        }
        specNode.put("adoptExisting", true);
        specNode.put("deletionPolicy", "Orphan");
        return m;
    }

    /** Sets a value at a path such as {@code spec.broadworks.userId} below the spec. */
    private static void set(ObjectNode spec, String path, String value) {
        String[] parts = path.substring("spec.".length()).split("\\.");
        ObjectNode node = spec;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }
}
