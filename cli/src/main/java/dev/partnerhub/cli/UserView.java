package dev.partnerhub.cli;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.ProviderError;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Optional;

/** A CustomerUser as the status views show it: `hubctl status` and `hubctl csv export`; "-" where there is nothing. */
public final class UserView {

    private UserView() {
    }

    /** The CustomerUsers of a namespace (null: of all); a failure says where and why, and a missing CRD how to fix it. */
    public static List<CustomerUser> list(KubernetesClient client, String namespace) {
        try {
            return namespace == null ? client.resources(CustomerUser.class).inAnyNamespace().list().getItems()
                    : client.resources(CustomerUser.class).inNamespace(namespace).list().getItems();
        } catch (KubernetesClientException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String why = e.getCode() == 404 ? "the CustomerUser CRD is not installed (apply crds/)"
                    : root.getClass().getSimpleName() + ": " + root.getMessage();
            throw new IllegalStateException("cannot list CustomerUsers " + (namespace == null ? "of every namespace"
                    : "of namespace " + namespace) + " from " + client.getMasterUrl() + ": " + why, e);
        }
    }

    /** Not provisioned, or provisioned with an error: what "exclude provisioned users" keeps. */
    public static boolean needsAttention(CustomerUser u) {
        return !"Provisioned".equals(activation(u)) || !"-".equals(lastError(u));
    }

    public static String email(CustomerUser u) {
        CustomerUserStatus s = u.getStatus();
        return s != null && s.getEmail() != null ? s.getEmail() : u.getSpec().getEmail() == null ? "-"
                : u.getSpec().getEmail();
    }

    /** The user's package; users of providers without packages (Partner Center) have none. */
    public static String pkg(CustomerUser u) {
        return u.getSpec().getPackageName() == null ? "-" : u.getSpec().getPackageName();
    }

    public static String activation(CustomerUser u) {
        CustomerUserStatus s = u.getStatus();
        return s == null || s.getActivation() == null ? "-" : s.getActivation().getState().name();
    }

    public static String pendingAction(CustomerUser u) {
        CustomerUserStatus s = u.getStatus();
        return s == null || s.getActivation() == null || s.getActivation().getPendingAction() == null ? "-"
                : s.getActivation().getPendingAction();
    }

    /** The provider's first error, else why the user is stalled, else a refused licence, else nothing. */
    public static String lastError(CustomerUser u) {
        String[] error = error(u);
        return error == null ? "-" : (error[0] == null ? "" : error[0] + ": ") + error[1];
    }

    /** The last error as code (the provider's, else the condition's reason; may be null) and text; null if none. */
    public static String[] error(CustomerUser u) {
        CustomerUserStatus s = u.getStatus();
        if (s == null) {
            return null;
        }
        if (!s.getErrors().isEmpty()) {
            ProviderError e = s.getErrors().get(0);
            return new String[] {e.getCode(), e.getDescription()};
        }
        return condition(u, "Stalled").filter(c -> "True".equals(c.getStatus()))
                .or(() -> condition(u, "Synced").filter(c -> "False".equals(c.getStatus())))
                .map(c -> new String[] {c.getReason(), c.getMessage()}).orElse(null);
    }

    public static Optional<Condition> condition(CustomerUser u, String type) {
        return u.getStatus() == null ? Optional.empty()
                : u.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }
}
