package dev.partnerhub.cli.plan;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The objects of a folder of manifests (every YAML file, every document), by kind, each with its namespace set. */
final class Manifests {

    final List<PartnerConnection> connections = new ArrayList<>();
    final List<Secret> secrets = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    final List<CustomerUser> users = new ArrayList<>();
    final List<LicenseAssignment> assignments = new ArrayList<>();

    static Manifests read(Path dir, String defaultNamespace) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder of manifests");
        }
        KubernetesSerialization serialization = new KubernetesSerialization();
        serialization.registerKubernetesResource(PartnerConnection.class);
        serialization.registerKubernetesResource(Customer.class);
        serialization.registerKubernetesResource(CustomerUser.class);
        serialization.registerKubernetesResource(LicenseAssignment.class);
        Manifests manifests = new Manifests();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .toList();
        }
        for (Path file : files) {
            Object parsed;
            try {
                parsed = serialization.unmarshal(Files.readString(file, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new IOException(file + " is not a manifest hubctl can read: " + e.getMessage(), e);
            }
            List<KubernetesResource> objects = new ArrayList<>();
            if (parsed instanceof List<?> list) {
                list.forEach(o -> objects.add((KubernetesResource) o));
            } else if (parsed instanceof KubernetesResourceList<?> list) {
                objects.addAll(list.getItems());
            } else if (parsed instanceof KubernetesResource one) {
                objects.add(one);
            }
            for (KubernetesResource object : objects) {
                manifests.add(object, defaultNamespace);
            }
        }
        return manifests;
    }

    private void add(KubernetesResource object, String defaultNamespace) {
        if (object instanceof HasMetadata m && m.getMetadata().getNamespace() == null) {
            m.getMetadata().setNamespace(defaultNamespace);
        }
        if (object instanceof PartnerConnection c) {
            connections.add(c);
        } else if (object instanceof Secret s) {
            secrets.add(s);
        } else if (object instanceof Customer c) {
            customers.add(c);
        } else if (object instanceof CustomerUser u) {
            users.add(u);
        } else if (object instanceof LicenseAssignment a) {
            assignments.add(a);
        }
    }

    static <T extends HasMetadata> Optional<T> find(List<T> objects, String namespace, String name) {
        return objects.stream().filter(o -> namespace.equals(o.getMetadata().getNamespace())
                && name.equals(o.getMetadata().getName())).findFirst();
    }
}
