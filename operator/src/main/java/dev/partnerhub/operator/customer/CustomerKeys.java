package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.desired.CustomerFields;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.ownership.UniqueKeys;
import dev.partnerhub.operator.status.Reason;
import dev.partnerhub.providers.spi.model.CustomerField;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The keys that identify a Customer in the provider, which no two Customers may share: its externalId and its
 * enterprise or tenant within one connection, and the org it attaches (an org has one Customer only). The first
 * Customer to declare a key keeps it; a later one is refused, naming the first, and nothing is sent for it.
 */
final class CustomerKeys {

    static final String INDEX = "byKey";

    /** Why a Customer may not act: the condition reason and a message naming the other Customer and the field. */
    record Duplicate(Reason reason, String message) {
    }

    /** The fields that identify a customer within one connection, whichever the provider keys customers by. */
    private static final List<CustomerField> KEYS = List.of(CustomerField.EXTERNAL_ID, CustomerField.ENTERPRISE_ID,
            CustomerField.TENANT_ID);

    private CustomerKeys() {
    }

    /** The index values of a Customer: one per key it declares. */
    static List<String> of(Customer customer) {
        List<String> keys = new ArrayList<>();
        String connection = CreatedWith.connectionKey(customer);
        for (CustomerField field : KEYS) {
            String value = CustomerFields.value(customer.getSpec(), field);
            if (value != null) {
                keys.add(connection + "|" + field + "|" + value);
            }
        }
        String org = CustomerFields.value(customer.getSpec(), CustomerField.ATTACH_ORG_ID);
        if (org != null) {
            keys.add("org|" + org);
        }
        return keys;
    }

    /**
     * The first key this Customer shares with an older one that counts (one its connection allows: a refused
     * Customer holds no key).
     */
    static Optional<Duplicate> duplicateOf(Customer customer, IndexedResourceCache<Customer> cache,
            Predicate<Customer> counts) {
        for (String key : of(customer)) {
            Optional<Customer> first = UniqueKeys.firstOther(customer, cache, INDEX, key, counts);
            if (first.isPresent()) {
                return Optional.of(duplicate(key, first.get()));
            }
        }
        return Optional.empty();
    }

    private static Duplicate duplicate(String key, Customer first) {
        String name = first.getMetadata().getNamespace() + "/" + first.getMetadata().getName();
        String[] parts = key.split("\\|");
        if ("org".equals(parts[0])) {
            return new Duplicate(CustomerReason.OrgAlreadyAttached,
                    "spec.attach.orgId: the org is already attached by Customer " + name
                    + "; an org can be attached to one Customer only.");
        }
        String field = CustomerFields.path(CustomerField.valueOf(parts[1]));
        return new Duplicate(CustomerReason.DuplicateCustomer, field + ": Customer " + name + " already declares "
                + parts[2] + " on the same PartnerConnection; two Customers cannot manage one customer. Delete one of "
                + "them, or give this one its own " + field + ".");
    }
}
