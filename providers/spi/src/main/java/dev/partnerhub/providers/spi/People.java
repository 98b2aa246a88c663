package dev.partnerhub.providers.spi;

import java.util.List;
import java.util.Set;

/** A user's person record where the provider keeps one besides the user: names and roles ({@link Feature#ROLES}). */
public interface People {

    /** No person records. */
    People NONE = new People() {
        @Override
        public Set<UserField> updatable() {
            return Set.of();
        }

        @Override
        public RemotePerson update(String personId, PersonChange change) {
            throw new UnsupportedOperationException("no people");
        }

        @Override
        public List<RemoteRole> roles() {
            return List.of();
        }

        @Override
        public RoleGrant grant(String role) {
            return null;
        }
    };

    /** The user fields {@link #update} can change. */
    Set<UserField> updatable();

    /** Changes a person's names or roles; what the change leaves null stays as it is. */
    RemotePerson update(String personId, PersonChange change);

    List<RemoteRole> roles();

    /** What a role of the spec (Supervisor, Administrator) means here; null when the provider has no such role. */
    RoleGrant grant(String role);

    /**
     * @param roles    the provider roles (by name) that make a person hold the spec's role
     * @param licenses the licences (by name), one of which the person must hold for it
     */
    record RoleGrant(Set<String> roles, Set<String> licenses) {
    }
}
