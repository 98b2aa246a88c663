package dev.partnerhub.providers.spi;

import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.LicenseChange;
import dev.partnerhub.providers.spi.model.LicenseUpdate;
import dev.partnerhub.providers.spi.model.Names;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.UserField;
import java.util.List;
import java.util.Set;

/**
 * Licences of customer orgs ({@link Feature#LICENSES}). A request that changes several licences may partly apply:
 * what applied is kept, and each refusal comes back typed instead of failing the whole request.
 */
public interface Licensing {

    /** No licences: every org has none, every person holds none. */
    Licensing NONE = new Licensing() {
        @Override
        public List<RemoteLicense> licenses(String orgId) {
            return List.of();
        }

        @Override
        public List<RemotePerson> people(String orgId) {
            return List.of();
        }

        @Override
        public LicenseUpdate changeLicenses(String orgId, String personId, List<LicenseChange> changes) {
            throw new UnsupportedOperationException("no licences");
        }
    };

    /** The org's licences with their seats. */
    List<RemoteLicense> licenses(String orgId);

    /** Every person of the org, paged through, with their licences (and roles and fields, where the provider has them). */
    List<RemotePerson> people(String orgId);

    /** Applies licence changes to one person; refusals are returned, not thrown. */
    LicenseUpdate changeLicenses(String orgId, String personId, List<LicenseChange> changes);

    /**
     * The licences a user package brings with it, as the provider describes them: names compared by {@link Names}
     * (a description may match several, or none, of an org's licences).
     */
    default Set<String> packageLicenses(String packageName) {
        return Set.of();
    }

    /** The licences of an org's own list (its {@link #licenses}) that a user package brings with it. */
    default List<RemoteLicense> packageLicenses(String packageName, List<RemoteLicense> catalog) {
        Set<String> described = packageLicenses(packageName);
        return catalog.stream().filter(l -> described.stream().anyMatch(d -> Names.same(d, l.name()))).toList();
    }

    /** Whether a user package brings meetings, whose host needs a meeting site ({@link UserField#PREFERRED_SITE}). */
    default boolean hasMeetings(String packageName) {
        return false;
    }
}
