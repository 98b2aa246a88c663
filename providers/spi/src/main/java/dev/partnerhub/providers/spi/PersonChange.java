package dev.partnerhub.providers.spi;

import java.util.Set;

/** What to change on a person: names and roles; a null field is left as it is. */
public record PersonChange(String firstName, String lastName, String displayName, Set<String> roleIds) {
}
