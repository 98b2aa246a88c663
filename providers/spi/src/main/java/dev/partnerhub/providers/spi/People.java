package dev.partnerhub.providers.spi;

import dev.partnerhub.providers.spi.model.Catalogue;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.PersonChange;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteRole;
import dev.partnerhub.providers.spi.model.UserField;
import java.util.List;
import java.util.Optional;

/**
 * A user's person record, names and roles, where the provider keeps them besides the user ({@link Feature#ROLES}): a
 * Webex person (names, Contact Center roles), or a Partner Center user's directory roles. Which fields it changes and
 * what a spec's role grants are data, in the provider's {@link Catalogue}.
 */
public interface People {

    /** No person records. */
    People NONE = new People() {
        @Override
        public RemotePerson update(String orgId, String personId, PersonChange change) {
            throw new UnsupportedOperationException("no people");
        }

        @Override
        public List<RemoteRole> roles(String orgId) {
            return List.of();
        }
    };

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
}
