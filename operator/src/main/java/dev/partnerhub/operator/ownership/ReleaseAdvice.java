package dev.partnerhub.operator.ownership;

import dev.partnerhub.operator.status.CommonReason;

/**
 * What a person can do when a finalizer cannot reach the provider: bring back what is missing, unless its namespace
 * is being deleted (nothing new can be created there), or release the resource with deletionPolicy Orphan.
 */
public final class ReleaseAdvice {

    private static final String ORPHAN = "set spec.deletionPolicy to Orphan to release this resource; what it holds "
            + "stays in the provider, to be removed there by hand.";

    private ReleaseAdvice() {
    }

    /**
     * @param reason    why the provider cannot be reached: ConnectionNotFound, ConnectionNotAllowed,
     *                  ConnectionNotReady, CredentialsMissing, CustomerNotFound
     * @param namespace the namespace where the missing object would have to be created again
     */
    public static String of(CommonReason reason, String namespace, boolean namespaceTerminating) {
        if (namespaceTerminating) {
            return "Namespace " + namespace + " is being deleted, so nothing can be created in it again: " + ORPHAN;
        }
        String restore = switch (reason) {
            case ConnectionNotFound -> "Create the PartnerConnection again (same name and credentials)";
            case CustomerNotFound -> "Create the Customer again (same name and spec)";
            case ConnectionNotAllowed -> "Allow this namespace again in the connection's spec.allowedNamespaces";
            case ConnectionNotReady -> "Fix the PartnerConnection's spec as its status says";
            default -> "Create the Secret again with the provider's token";
        };
        return restore + ", or " + ORPHAN;
    }
}
