package dev.partnerhub.providers.spi;

import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.Names;
import dev.partnerhub.providers.spi.model.PersonChange;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteRole;
import dev.partnerhub.providers.spi.model.UserField;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user's person record, names and roles, where the provider keeps them besides the user ({@link Feature#ROLES}): a
 * Webex person (names, Contact Center roles), or a Partner Center user's directory roles.
 */
public interface People {

    /** No person records. */
    People NONE = new People() {
        @Override
        public Set<UserField> updatable() {
            return Set.of();
        }

        @Override
        public RemotePerson update(String orgId, String personId, PersonChange change) {
            throw new UnsupportedOperationException("no people");
        }

        @Override
        public List<RemoteRole> roles(String orgId) {
            return List.of();
        }

        @Override
        public RoleGrant grant(String role) {
            return null;
        }
    };

    /** The user fields {@link #update} can change. */
    Set<UserField> updatable();

    /**
     * Changes a person of an org: its names, numbers and default site, and its roles by the change's additions and
     * removals (a role someone else gave stays); what the change leaves null stays as it is.
     */
    RemotePerson update(String orgId, String personId, PersonChange change);

    /**
     * A person's default meeting site ({@link UserField#PREFERRED_SITE}), where the provider keeps it apart from the
     * person (one call per person); empty when it has none.
     */
    default Optional<String> preferredSite(String orgId, RemotePerson person) {
        return Optional.ofNullable(person.details() == null ? null : person.details().preferredSite());
    }

    /** The roles a person of this org can be given. */
    List<RemoteRole> roles(String orgId);

    /**
     * What a role of the spec means here (Webex: Supervisor, Administrator; Partner Center: a directory role by its
     * name); null when the provider has no such role.
     */
    RoleGrant grant(String role);

    /**
     * The role of an org's own list that a name describes: the one of that name (by {@link Names}), else the one whose
     * name ends with it (Supervisor: Contact Center Supervisor); empty when none, or several, do.
     */
    default Optional<RemoteRole> find(String name, List<RemoteRole> roles) {
        Optional<RemoteRole> same = roles.stream().filter(r -> Names.same(r.name(), name)).findFirst();
        if (same.isPresent()) {
            return same;
        }
        List<RemoteRole> ending = roles.stream().filter(r -> Names.endsWith(r.name(), name)).toList();
        return ending.size() == 1 ? Optional.of(ending.get(0)) : Optional.empty();
    }

    /**
     * @param roles    the provider roles (described by name, found with {@link #find}) that make a person hold the
     *                 spec's role
     * @param licenses the licences (described by name, compared by {@link Names}), one of which the person must hold
     *                 for it
     */
    record RoleGrant(Set<String> roles, Set<String> licenses) {
    }
}
