package dev.partnerhub.providers.spi;

import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.LicenseChange;
import dev.partnerhub.providers.spi.model.LicenseUpdate;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import dev.partnerhub.providers.spi.model.RemotePerson;
import java.util.List;

/**
 * Licences of customer orgs ({@link Feature#LICENSES}). A request that changes several licences may partly apply:
 * what applied is kept, and each refusal comes back typed instead of failing the whole request. What each user
 * package brings is data, in the provider's {@link dev.partnerhub.providers.spi.model.Catalogue}.
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
}
