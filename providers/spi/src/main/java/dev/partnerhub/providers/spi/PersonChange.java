package dev.partnerhub.providers.spi;

import java.util.Set;

/** What to change on a person: names, meeting site and roles; a null field is left as it is. */
public record PersonChange(String firstName, String lastName, String displayName, Set<String> roleIds,
        String preferredSite) {

    public PersonChange(String firstName, String lastName, String displayName, Set<String> roleIds) {
        this(firstName, lastName, displayName, roleIds, null);
    }
}
