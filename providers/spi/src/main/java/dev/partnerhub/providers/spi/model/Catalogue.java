package dev.partnerhub.providers.spi.model;

import dev.partnerhub.providers.spi.People;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider's products mean, as data: the user fields its person records change, the licences each user package
 * brings, what each role of a spec grants. The desired state and the reconcilers read it; nothing here calls the
 * provider. Licences and roles are described as an org's own lists name them (compared by {@link Names}): the IDs are
 * the org's.
 *
 * @param personFields    the user fields {@link People#update} changes, beside those the user's own update changes
 * @param packages        the licences each user package brings
 * @param meetingsLicence the description, among a package's licences, that stands for the org's meetings licence,
 *                        found by its meeting site ({@link RemoteLicense#site()}) whatever its name; null when none
 * @param roles           what each role of a spec grants, by the spec's name for it
 * @param anyRoleByName   whether a role the map does not name is the org's role of that name (Partner Center's
 *                        directory roles), rather than no role at all
 */
public record Catalogue(Set<UserField> personFields, Map<String, Set<String>> packages, String meetingsLicence,
        Map<String, RoleGrant> roles, boolean anyRoleByName) {

    /** No person records, packages nor roles. */
    public static final Catalogue NONE = new Catalogue(Set.of(), Map.of(), null, Map.of(), false);

    public Catalogue {
        personFields = Set.copyOf(personFields);
        packages = Map.copyOf(packages);
        roles = Map.copyOf(roles);
    }

    /**
     * @param roles    the org's roles (described by name, found with {@link #find}) that make a person hold the spec's
     *                 role
     * @param licenses the licences (described by name), one of which the person must hold for it
     */
    public record RoleGrant(Set<String> roles, Set<String> licenses) {

        public RoleGrant {
            roles = Set.copyOf(roles);
            licenses = Set.copyOf(licenses);
        }
    }

    /** What a role of the spec grants here; null when the provider has no such role. */
    public RoleGrant grant(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        RoleGrant named = roles.get(role);
        return named != null || !anyRoleByName ? named : new RoleGrant(Set.of(role), Set.of());
    }

    /** The licences a user package brings, as described (a description may match several, or none, of an org's). */
    public Set<String> packageLicenses(String packageName) {
        return packageName == null ? Set.of() : packages.getOrDefault(packageName, Set.of());
    }

    /** The licences of an org's own list that a user package brings: by name, and the meetings licence by its site. */
    public List<RemoteLicense> packageLicenses(String packageName, List<RemoteLicense> orgLicences) {
        Set<String> described = packageLicenses(packageName);
        boolean meetings = meetingsLicence != null && described.contains(meetingsLicence);
        return orgLicences.stream().filter(l -> meetings && l.site() != null
                || described.stream().anyMatch(d -> Names.same(d, l.name()))).toList();
    }

    /** Whether a user package brings meetings, whose host needs a meeting site ({@link UserField#PREFERRED_SITE}). */
    public boolean hasMeetings(String packageName) {
        return meetingsLicence != null && packageLicenses(packageName).contains(meetingsLicence);
    }

    /**
     * The role of an org's own list that a name describes: the one of that name (by {@link Names}), else the one whose
     * name ends with it (Supervisor: Contact Center Supervisor); empty when none, or several, do.
     */
    public static Optional<RemoteRole> find(String name, List<RemoteRole> orgRoles) {
        Optional<RemoteRole> same = orgRoles.stream().filter(r -> Names.same(r.name(), name)).findFirst();
        if (same.isPresent()) {
            return same;
        }
        List<RemoteRole> ending = orgRoles.stream().filter(r -> Names.endsWith(r.name(), name)).toList();
        return ending.size() == 1 ? Optional.of(ending.get(0)) : Optional.empty();
    }
}
