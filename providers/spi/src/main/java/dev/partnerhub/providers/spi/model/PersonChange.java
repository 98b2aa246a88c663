package dev.partnerhub.providers.spi.model;

import java.util.Set;

/**
 * What to change on a person; a null field is left as it is. Roles change by what is added and what is taken away,
 * never by a whole list, so that a role someone else gave meanwhile stays.
 *
 * @param phoneNumber the calling user's number, where the person holds it (a Webex Calling user's work number)
 * @param extension   the calling user's extension, where the person holds it
 * @param addRoles    role IDs to give; null or empty for none
 * @param removeRoles role IDs to take away; null or empty for none
 */
public record PersonChange(String firstName, String lastName, String displayName, String preferredSite,
        String phoneNumber, String extension, Set<String> addRoles, Set<String> removeRoles) {

    public PersonChange {
        addRoles = addRoles == null ? Set.of() : Set.copyOf(addRoles);
        removeRoles = removeRoles == null ? Set.of() : Set.copyOf(removeRoles);
    }

    /** A change of names only. */
    public static PersonChange names(String firstName, String lastName, String displayName) {
        return new PersonChange(firstName, lastName, displayName, null, null, null, null, null);
    }

    /** A change of roles only. */
    public static PersonChange roles(Set<String> add, Set<String> remove) {
        return new PersonChange(null, null, null, null, null, null, add, remove);
    }

    /** The same change, with these roles given and taken away. */
    public PersonChange withRoles(Set<String> add, Set<String> remove) {
        return new PersonChange(firstName, lastName, displayName, preferredSite, phoneNumber, extension, add, remove);
    }

    /** Whether it changes any role. */
    public boolean changesRoles() {
        return !addRoles.isEmpty() || !removeRoles.isEmpty();
    }
}
