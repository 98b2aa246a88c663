package dev.partnerhub.providers.spi.model;

import dev.partnerhub.providers.spi.Customers;
import dev.partnerhub.providers.spi.Licensing;
import dev.partnerhub.providers.spi.People;
import dev.partnerhub.providers.spi.Users;

/** An optional feature of a provider; a spec that needs one the provider lacks is refused, naming the field. */
public enum Feature {
    /** Licences with seats, given to users one by one ({@link Licensing}). */
    LICENSES,
    /**
     * Roles for the spec's roles, through {@link People}: Webex's Contact Center Supervisor and Administrator, Partner
     * Center's directory roles.
     */
    ROLES,
    /** A user waiting for a person can be onboarded again, or sent the consent email again. */
    ACTIVATION_ACTIONS,
    /** A deleted user stays restorable for a while, with its licences ({@link Users#restore}). */
    RESTORE,
    /** A new user gets a temporary password from the caller, and a password can be reset. */
    PASSWORDS,
    /** The partner's rights in a customer org can be read ({@link Customers#partnerAccess()}). */
    ADMIN_ACCESS,
    /** A customer can be attached to an org that exists already. */
    ORG_ATTACH,
    /** People are synchronised with Contact Center after a Contact Center licence or role change. */
    CONTACT_CENTER
}
