package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.ContactCenterRole;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure plan of a person's provider roles for {@code spec.roles}: a wanted role the person lacks is given and
 * recorded as granted; a granted role no longer wanted is taken away; a role the operator did not grant is never
 * taken away (an adopted org administrator keeps Full Administrator whatever the spec says).
 *
 * @param roleIds the person's role IDs after the change; null when nothing changes
 * @param granted the role names the operator has given, to record in status
 */
public record RolePlan(Set<String> roleIds, List<String> granted) {

    /**
     * @param idsByName the provider's roles
     * @param supervisor the role Supervisor and Administrator need
     * @param fullAdmin the role only Administrator needs
     */
    public static RolePlan of(Collection<ContactCenterRole> spec, Collection<String> granted, Collection<String> heldIds,
            Map<String, String> idsByName, String supervisor, String fullAdmin) {
        Set<String> wanted = new LinkedHashSet<>();
        if (spec.contains(ContactCenterRole.Supervisor) || spec.contains(ContactCenterRole.Administrator)) {
            wanted.add(supervisor);
        }
        if (spec.contains(ContactCenterRole.Administrator)) {
            wanted.add(fullAdmin);
        }
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
