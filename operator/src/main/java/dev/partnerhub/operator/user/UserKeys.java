package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.ownership.UniqueKeys;
import dev.partnerhub.providers.spi.model.UserField;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys that identify a user within its customer, which no two CustomerUsers may share: its email (any case) and
 * its calling platform's user ID. The first CustomerUser to declare a key keeps it; a later one is refused, naming the first.
 */
final class UserKeys {

    static final String INDEX = "byUserKey";

    private UserKeys() {
    }

    static List<String> of(CustomerUser user) {
        List<String> keys = new ArrayList<>();
        String customer = user.getMetadata().getNamespace() + "/" + CreatedWith.customerName(user);
        for (UserField field : List.of(UserField.EMAIL, UserField.USER_ID)) {
            String value = UserFields.declared(user.getSpec(), field);
            if (value != null) {
                keys.add(customer + "|" + field + "|" + value.toLowerCase(Locale.ROOT));
            }
        }
        return keys;
    }

    /** Why this user may not act because another came first with one of its keys; empty when none did. */
    static Optional<String> duplicateOf(CustomerUser user, IndexedResourceCache<CustomerUser> cache) {
        for (String key : of(user)) {
            Optional<CustomerUser> first = UniqueKeys.firstOther(user, cache, INDEX, key, other -> true);
            if (first.isPresent()) {
                String[] parts = key.split("\\|");
                String field = UserFields.path(UserField.valueOf(parts[1]));
                return Optional.of(field + ": CustomerUser " + first.get().getMetadata().getName() + " already declares "
                        + parts[2] + " for Customer " + CreatedWith.customerName(user) + "; two CustomerUsers cannot "
                        + "manage one user. Delete one of them, or give this one another " + field + ".");
            }
        }
        return Optional.empty();
    }
}
