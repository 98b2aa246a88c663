package dev.partnerhub.providers.spi;

import dev.partnerhub.providers.spi.errors.AttachRefusedException;
import dev.partnerhub.providers.spi.model.AdminAccess;
import dev.partnerhub.providers.spi.model.CustomerModel;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A provider's customer organizations. */
public interface Customers {

    /** The customer under this key (see {@link CustomerModel#key()}), if the provider has one. */
    Optional<RemoteCustomer> find(String key);

    Optional<RemoteCustomer> get(String customerId);

    /**
     * Every customer of the partner, in one paged list, as {@link #get} shows each; empty where the provider cannot
     * list them in bulk. A resync of many converged customers reads this once instead of each customer.
     */
    default Optional<List<RemoteCustomer>> list() {
        return Optional.empty();
    }

    /**
     * Starts creating a customer, or attaching an existing org; returns its ID at once (provisioning goes on
     * asynchronously). Only where customers are created explicitly. A refused attach throws
     * {@link AttachRefusedException}.
     */
    String create(CustomerRequest request);

    /**
     * Brings the customer's packages and address to the request; nothing where customers carry neither.
     *
     * @param current the customer as the provider holds it now (what an update must add to it decides what it sends)
     */
    void update(RemoteCustomer current, CustomerRequest request);

    /** Starts deleting a customer; one that is already gone counts as deleted. Nothing where customers go otherwise. */
    void delete(String customerId);

    /**
     * The partner's rights in each customer org it manages, by org ID, in one paged list (one list serves all the
     * partner's customers); empty where the provider cannot tell. An org it does not manage is not in it.
     */
    default Map<String, AdminAccess> partnerAccess() {
        return Map.of();
    }
}
