package dev.partnerhub.cli.bench;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.cli.UserView;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bench's view of the CustomerUsers: one informer (a list, then a watch). Listing every user each second, as
 * the bench first did, times out at 100,000 users and loads the API server whose speed is being measured. The
 * instant each user is seen becoming Ready is kept, so that the time to the last one is exact, not rounded up to
 * the bench's next look.
 */
final class WatchedUsers implements AutoCloseable {

    private final Set<String> readyNames = ConcurrentHashMap.newKeySet();
    private volatile long lastBecameReady;
    private final SharedIndexInformer<CustomerUser> informer;

    WatchedUsers(KubernetesClient client) {
        informer = client.resources(CustomerUser.class).inNamespace(BenchObjects.NAMESPACE).inform(
                new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(CustomerUser user) {
                        seen(user);
                    }

                    @Override
                    public void onUpdate(CustomerUser before, CustomerUser user) {
                        seen(user);
                    }

                    @Override
                    public void onDelete(CustomerUser user, boolean finalStateUnknown) {
                        readyNames.remove(user.getMetadata().getName());
                    }
                });
    }

    private void seen(CustomerUser user) {
        String name = user.getMetadata().getName();
        boolean ready = UserView.condition(user, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
        if (ready && readyNames.add(name)) {
            lastBecameReady = System.nanoTime();
        } else if (!ready) {
            readyNames.remove(name);
        }
    }

    /** How many users are Ready. */
    long ready() {
        return readyNames.size();
    }

    /** When the last user to become Ready was seen so ({@link System#nanoTime()}). */
    long lastBecameReady() {
        return lastBecameReady;
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
