package dev.partnerhub.providers.spi.model;

import java.util.Set;

/**
 * How a provider's customers are identified and come into being.
 *
 * @param key      the field that identifies a customer in the provider
 * @param packages the package names a customer may have; empty where customers carry none
 * @param callingPackages the packages that need {@link CustomerField#CALLING_LOCATION} to be provisioned
 * @param required the fields a customer must declare
 * @param requiredToCreate the fields a customer needs besides when the provider makes a new org for it (not when
 *                 it attaches one that exists)
 * @param supported every field the provider holds for a customer (the key and the required ones included)
 * @param manualDetachStep what a person must still do in the vendor's portal once the operator has removed a
 *                 customer's objects, where no API does the last step of a detach; null where there is none
 */
public record CustomerModel(CustomerField key, Creation creation, Set<String> packages, Set<String> callingPackages,
        Set<CustomerField> required, Set<CustomerField> requiredToCreate, Set<CustomerField> supported,
        String manualDetachStep) {

    /** A model whose customers go entirely through the API. */
    public CustomerModel(CustomerField key, Creation creation, Set<String> packages, Set<String> callingPackages,
            Set<CustomerField> required, Set<CustomerField> requiredToCreate, Set<CustomerField> supported) {
        this(key, creation, packages, callingPackages, required, requiredToCreate, supported, null);
    }

    public CustomerModel {
        packages = Set.copyOf(packages);
        callingPackages = Set.copyOf(callingPackages);
        required = Set.copyOf(required);
        requiredToCreate = Set.copyOf(requiredToCreate);
        supported = Set.copyOf(supported);
    }

    /** How a customer comes to exist in the provider. */
    public enum Creation {
        /** The partner creates it, and the provider provisions it asynchronously; users live under its ID. */
        EXPLICIT,
        /** The provider creates it with its first user; users live under the declared key. */
        WITH_FIRST_USER,
        /** It exists already (a tenant the partner manages); it is looked up, never created or deleted. */
        EXISTING
    }
}
