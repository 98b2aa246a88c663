package dev.partnerhub.cli.bench;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.HashMap;
import java.util.Map;

/**
 * The bench's view of the CustomerUsers: one informer (a list, then a watch). Listing every user each second, as
 * the bench first did, times out at 100,000 users and loads the API server whose speed is being measured.
 */
final class WatchedUsers implements AutoCloseable {

    private final SharedIndexInformer<CustomerUser> informer;

    WatchedUsers(KubernetesClient client) {
        informer = client.resources(CustomerUser.class).inNamespace(BenchObjects.NAMESPACE).inform();
    }

    /** How many users are Ready. */
    long ready() {
        return informer.getStore().list().stream().filter(u -> u.getStatus() != null && u.getStatus()
                .getConditions().stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")))
                .count();
    }

    /** One user as last seen. */
    CustomerUser get(String name) {
        return informer.getStore().getByKey(BenchObjects.NAMESPACE + "/" + name);
    }

    /** Each user's resource version, by "CustomerUser/name". */
    Map<String, String> versions() {
        Map<String, String> versions = new HashMap<>();
        informer.getStore().list().forEach(u -> versions.put("CustomerUser/" + u.getMetadata().getName(),
                u.getMetadata().getResourceVersion()));
        return versions;
    }

    @Override
    public void close() {
        informer.close();
    }
}
