package dev.partnerhub.operator.provider;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.desired.CustomerDesiredState;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.Provider;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The one answer to "may this Customer act, with which provider, on which scope?": ready when its connection exists,
 * allows the Customer's namespace and can make its provider; otherwise blocked, with the reason and what is wrong.
 * Every provider call made for a Customer, its users and its licences, finalizers included, goes through it. Never
 * throws for those cases; callers report them in status.
 */
@ApplicationScoped
public class Resolver {

    private final ProviderRegistry registry;
    private final Namespaces namespaces;

    public Resolver(ProviderRegistry registry, Namespaces namespaces) {
        this.registry = registry;
        this.namespaces = namespaces;
    }

    public Resolved resolve(Customer customer) {
        ResourceID id = CreatedWith.connectionId(customer);
        String namespace = id.getNamespace().orElseThrow();
        String key = ProviderRegistry.key(namespace, id.getName());
        try {
            Optional<Provider> provider = registry.provider(namespace, id.getName());
            if (provider.isEmpty()) {
                return Resolved.blocked(CommonReason.ConnectionNotFound, "its PartnerConnection " + key + " is gone");
            }
            String customerNamespace = customer.getMetadata().getNamespace();
            if (!customerNamespace.equals(namespace) && !Namespaces.selects(registry.allowedNamespaces(namespace,
                    id.getName()), namespaces.labels(customerNamespace))) {
                return Resolved.blocked(CommonReason.ConnectionNotAllowed, "its PartnerConnection " + key
                        + " does not allow namespace " + customerNamespace + " (spec.allowedNamespaces)");
            }
            return Resolved.ready(key, provider.get(), CustomerDesiredState.scope(customer,
                    provider.get().capabilities()), customer.getStatus() == null ? null : customer.getStatus().getOrgId());
        } catch (ConnectionException e) {
            return Resolved.blocked(e.problem().ofTheSpec() ? CommonReason.ConnectionNotReady
                    : CommonReason.CredentialsMissing, "its PartnerConnection " + key + " cannot act: "
                    + e.getMessage());
        }
    }

}
