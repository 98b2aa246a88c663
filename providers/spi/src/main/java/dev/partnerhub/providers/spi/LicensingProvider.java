package dev.partnerhub.providers.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Licences, people and roles of customer orgs. A request that changes several licences may partly apply:
 * what applied is kept, and each refusal comes back typed instead of failing the whole request.
 */
public interface LicensingProvider {

    /** The org's licences with their seats. */
    List<RemoteLicense> licenses(String orgId);

    /** Every person of the org, paged through, with their licences and roles. */
    List<RemotePerson> people(String orgId);

    /** Applies licence changes to one person; refusals are returned, not thrown. */
    LicenseUpdate changeLicenses(String orgId, String personId, List<LicenseChange> changes);

    List<RemoteRole> roles();

    /** The user fields {@link #updatePerson} can change. */
    Set<UserField> personUpdates();

    /** Changes a person's names or roles; what the change leaves null stays as it is. */
    RemotePerson updatePerson(String personId, PersonChange change);

    /** The partner's rights in a customer org it manages; empty when it does not manage the org. */
    java.util.Optional<AdminAccess> partnerAccess(String orgId);

    /** Names of the licences a user package brings with it. */
    Set<String> packageLicenses(String packageName);

    /** Names of the licences that allow the Contact Center supervisor and administrator roles. */
    Set<String> supervisorLicenses();

    /** The role that makes a person a Contact Center supervisor. */
    String supervisorRole();

    /** The role that makes a person a full administrator of its org. */
    String fullAdminRole();
}
