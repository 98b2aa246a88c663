package dev.partnerhub.providers.spi.model;

import dev.partnerhub.providers.spi.People;
import dev.partnerhub.providers.spi.Users;
import java.util.Map;
import java.util.Set;

/**
 * How a provider's users are identified, and which of their fields it holds and can change.
 *
 * @param key             the field that identifies a user within its customer (compared without case)
 * @param packages        the package names a user may have; empty where users carry none
 * @param callingPackages the packages that give a phone line, and so need a phone number or an extension
 * @param required        the fields a user must declare
 * @param supported       every field the provider holds for a user
 * @param updatable       the fields {@link Users#update} changes; the others change through {@link People}, or not
 * @param lineFields      the fields of a user's phone line (number, extension, location): compared only while the
 *                        user's package is one of {@code callingPackages}; before, they are what a change to a
 *                        calling package sends
 * @param manualSteps     for a field the provider holds but no API of it changes after creation, what a person must
 *                        do in the vendor's portal instead
 */
public record UserModel(UserField key, Set<String> packages, Set<String> callingPackages, Set<UserField> required,
        Set<UserField> supported, Set<UserField> updatable, Set<UserField> lineFields,
        Map<UserField, String> manualSteps) {

    public UserModel {
        packages = Set.copyOf(packages);
        callingPackages = Set.copyOf(callingPackages);
        required = Set.copyOf(required);
        supported = Set.copyOf(supported);
        updatable = Set.copyOf(updatable);
        lineFields = Set.copyOf(lineFields);
        manualSteps = Map.copyOf(manualSteps);
    }

    /** A model whose fields are all held whatever the package, and changed by API or not at all. */
    public UserModel(UserField key, Set<String> packages, Set<String> callingPackages, Set<UserField> required,
            Set<UserField> supported, Set<UserField> updatable) {
        this(key, packages, callingPackages, required, supported, updatable, Set.of(), Map.of());
    }
}
