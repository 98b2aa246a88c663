package dev.partnerhub.providers.spi;

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
 */
public record UserModel(UserField key, Set<String> packages, Set<String> callingPackages, Set<UserField> required,
        Set<UserField> supported, Set<UserField> updatable) {

    public UserModel {
        packages = Set.copyOf(packages);
        callingPackages = Set.copyOf(callingPackages);
        required = Set.copyOf(required);
        supported = Set.copyOf(supported);
        updatable = Set.copyOf(updatable);
    }
}
