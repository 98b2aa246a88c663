package dev.partnerhub.providers.spi;

import java.util.List;
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
     * Changes a person of an org: its names, and its roles to exactly {@link PersonChange#roleIds()}; what the change
     * leaves null stays as it is.
     */
    RemotePerson update(String orgId, String personId, PersonChange change);

    /** The roles a person of this org can be given. */
    List<RemoteRole> roles(String orgId);

    /**
     * What a role of the spec means here (Webex: Supervisor, Administrator; Partner Center: a directory role by its
     * name); null when the provider has no such role.
     */
    RoleGrant grant(String role);

    /**
     * @param roles    the provider roles (by name) that make a person hold the spec's role
     * @param licenses the licences (by name), one of which the person must hold for it
     */
    record RoleGrant(Set<String> roles, Set<String> licenses) {
    }
}
