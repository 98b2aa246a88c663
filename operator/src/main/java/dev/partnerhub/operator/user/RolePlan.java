package dev.partnerhub.operator.user;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure plan of a person's provider roles for {@code spec.roles} (the provider names the roles each spec role
 * means): a wanted role the person lacks is given and
 * recorded as granted; a granted role no longer wanted is taken away; a role the operator did not grant is never
 * taken away (an adopted org administrator keeps Full Administrator whatever the spec says).
 *
 * @param roleIds the person's role IDs after the change; null when nothing changes
 * @param granted the role names the operator has given, to record in status
 */
public record RolePlan(Set<String> roleIds, List<String> granted) {

    /**
     * @param wanted    the provider roles (by name) the spec's roles mean
     * @param idsByName the provider's roles
     */
    public static RolePlan of(Collection<String> wanted, Collection<String> granted, Collection<String> heldIds,
            Map<String, String> idsByName) {
        Set<String> ids = new LinkedHashSet<>(heldIds);
        List<String> nowGranted = new ArrayList<>();
        for (String name : granted) {
            String id = idsByName.get(name);
            if (wanted.contains(name)) {
                nowGranted.add(name);
            } else if (id != null) {
                ids.remove(id);
            }
        }
        for (String name : wanted) {
            String id = idsByName.get(name);
            if (id != null && ids.add(id) && !nowGranted.contains(name)) {
                nowGranted.add(name);
            }
        }
        return new RolePlan(ids.equals(new LinkedHashSet<>(heldIds)) ? null : ids, List.copyOf(nowGranted));
    }
}
